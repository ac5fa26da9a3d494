/**
 * Word's automatic numbering printed as Word prints it (server/src/convert/numbering.ts). Sample 002's Word
 * file (made by the `docx` package) is rewritten by hand the way Word and WPS store numbered headings: the six
 * section headings hold only their titles and take 一、… from a numbered heading style (`w:pStyle` → styles.xml
 * `w:numPr`, through `w:basedOn`); the sub-headings of 一 take （一）… from level 2 of the same list; the items
 * of 六 take `1. `… from a decimal list started again by `w:startOverride`. The converted text is then exactly
 * the original file's, line for line with the same sources, and its findings are the sample text's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import { convert, type Converted } from '../../server/src/convert';
import { Numbering, formatNumber } from '../../server/src/convert/numbering';
import { fixture, keysOf, SOURCES } from './support';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="8">
    <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/><w:lvlText w:val="%1."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="901"><w:abstractNumId w:val="7"/></w:num>
  <w:num w:numId="902"><w:abstractNumId w:val="8"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
  <w:style w:type="paragraph" w:styleId="NumberedBase"><w:name w:val="Numbered base"/><w:pPr><w:numPr><w:numId w:val="901"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="XxHeading1"><w:name w:val="heading 1"/><w:basedOn w:val="NumberedBase"/><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>
</w:styles>`;

const HEADING = /^([一二三四五六])、/;
const SUB = /^（[一二三四五六]）/;
const ITEM = /^\d\. /;

/** The paragraph `<w:p><w:r><w:t …>text</w:t>` with its numbering moved into properties. */
function numbered(documentXml: string): { xml: string; headings: number; subs: number; items: number } {
  const counts = { headings: 0, subs: 0, items: 0 };
  let inSix = false;
  // Only paragraphs outside tables (Table 2's rows 一、… are cells, not headings).
  const xml = documentXml.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/).map((piece) => (piece.startsWith('<w:tbl>') ? piece : piece.replace(/<w:p><w:r><w:t xml:space="preserve">([^<]*)<\/w:t>/g, (whole, text: string) => {
    if (HEADING.test(text) && text.length < 30) {
      counts.headings++;
      inSix = text.startsWith('六、');
      return `<w:p><w:pPr><w:pStyle w:val="XxHeading1"/></w:pPr><w:r><w:t xml:space="preserve">${text.replace(HEADING, '')}</w:t>`;
    }
    if (SUB.test(text)) {
      counts.subs++;
      return `<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="901"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${text.replace(SUB, '')}</w:t>`;
    }
    if (inSix && ITEM.test(text)) {
      counts.items++;
      return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="902"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${text.replace(ITEM, '')}</w:t>`;
    }
    return whole;
  }))).join('');
  return { xml, ...counts };
}

async function converted(name: string, bytes: Uint8Array): Promise<Converted> {
  const result = await convert(name, bytes);
  assert.equal(result.kind, 'converted', JSON.stringify(result).slice(0, 200));
  return result;
}

test('sample 002 as a Word file with automatic heading numbers: the same text, sources and findings as its text', async () => {
  const name = '002_931eb61caecda62d';
  const original = fixture(`${name}.docx`);
  const parts = unzipSync(original);
  const { xml, headings, subs, items } = numbered(strFromU8(parts['word/document.xml']));
  // The six section headings, the five sub-headings of 一 and the seven items of 六 lost their printed numbers.
  assert.deepEqual([headings, subs, items], [6, 5, 7]);
  assert.doesNotMatch(xml, />一、总体情况</);
  const rewritten = zipSync({
    ...parts, 'word/document.xml': strToU8(xml), 'word/numbering.xml': strToU8(NUMBERING), 'word/styles.xml': strToU8(STYLES),
  });
  const before = await converted(`${name}.docx`, original);
  const after = await converted(`${name}.docx`, rewritten);
  assert.equal(after.text, before.text);
  assert.deepEqual(after.lines, before.lines);
  assert.deepEqual(keysOf(after.text), keysOf(readFileSync(SOURCES[name], 'utf8')));
  // Without numbering.xml the titles stand alone: each section heading is reported unnumbered.
  const bare = await converted(`${name}.docx`, zipSync({ ...parts, 'word/document.xml': strToU8(xml), 'word/styles.xml': strToU8(STYLES) }));
  assert.match(bare.text, /^总体情况$/m);
});

test('numbering: counters per list, a lower level restarts under a higher one, startOverride starts a list instance again', () => {
  const n = Numbering.read(NUMBERING, STYLES)!;
  assert.deepEqual(['0', '1', '1', '0', '1', '1', '1'].map((l) => n.label('901', Number(l))), ['一、', '（一）', '（二）', '二、', '（一）', '（二）', '（三）']);
  // abstract 8 starts at 3, but list 902 starts it again at 1; a `space` suffix is printed.
  assert.deepEqual([n.label('902', 0), n.label('902', 0)], ['1. ', '2. ']);
  assert.deepEqual(n.styleNumbering('XxHeading1'), { numId: '901', ilvl: 0 });
  assert.equal(n.styleNumbering('Normal'), undefined);
  assert.equal(n.label('0', 0), '', 'numId 0 is "no numbering"');
  assert.equal(n.label('999', 0), '', 'an unknown list prints nothing');
});

test('number formats as Word prints them', () => {
  assert.deepEqual([1, 10, 11, 20, 21, 99].map((x) => formatNumber(x, 'chineseCounting')), ['一', '十', '十一', '二十', '二十一', '九十九']);
  assert.equal(formatNumber(12, 'decimal'), '12');
  assert.equal(formatNumber(4, 'upperRoman'), 'IV');
  assert.equal(formatNumber(28, 'lowerLetter'), 'bb');
  assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
  assert.equal(formatNumber(2, 'ideographTraditional'), '乙');
});
