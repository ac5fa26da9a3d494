/**
 * Round trip: each sample rendered as a web page, a Word file and a PDF printed from the page
 * (scripts/make-convert-fixtures.mjs) converts back to text whose findings — codes, rows, columns, values —
 * are those of the sample's own text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { convert, type Converted } from '../../server/src/convert';
import { fixture, keysOf, SOURCES } from './support';

/**
 * Samples whose text the engine reads the same way as the official table layout: all of them. 04 writes zeros
 * as empty cells next to labels spanning two or three columns: a label's span is laid out before it
 * (grid.ts fieldOf), so its empty cells stay the cells they are. 001 is cut short inside Table 2, and so is its
 * page (below). 06, the OCR text, is read whole since the layout readers, so its page matches.
 */
const EQUAL = [
  '000_4be19b291208bb33', '002_931eb61caecda62d', '003_8cda5f95bd011878', '004_fcebe1c6f102ee17', '01_hongze-district-gov-2023',
  '04_shanghai-gov-general-office-2019', '06_shuyang-county-gov-2025-ocr',
];

async function converted(name: string): Promise<Converted> {
  const result = await convert(name, fixture(name));
  assert.equal(result.kind, 'converted', `${name} converts: ${JSON.stringify(result).slice(0, 200)}`);
  return result;
}

for (const name of EQUAL) {
  for (const ext of ['html', 'docx', 'pdf']) {
    test(`${name}.${ext}: the same findings as the sample's text`, async () => {
      const expected = keysOf(readFileSync(SOURCES[name], 'utf8'));
      const actual = keysOf((await converted(`${name}.${ext}`)).text);
      assert.deepEqual(actual, expected);
    });
  }
}

/** Sample 001's text up to where its page ends: the page is cut inside Table 2's row （二）, as the text is. */
function cut001(): string {
  const text = readFileSync(SOURCES['001_4bbec81685d80308'], 'utf8');
  const lines = text.split('\n');
  return lines.slice(0, lines.findIndex((l) => l.includes('（二）部分公开')) + 1).join('\n');
}

for (const ext of ['html', 'docx']) {
  test(`001_4bbec81685d80308.${ext}: the findings of the sample's text up to the cut (a label's span is no first value)`, async () => {
    const expected = keysOf(cut001());
    // Hand-checked: row （一） holds six numbers for seven columns, and the table is cut after row （二）.
    assert.deepEqual(expected.map((k) => k.split('|')[0]), ['cell-missing', 'report-truncated']);
    assert.deepEqual(keysOf((await converted(`001_4bbec81685d80308.${ext}`)).text), expected);
  });
}

test('001_4bbec81685d80308.pdf: the cut text\'s findings, but for the box printed under 总计 of the two cut rows, read as a blank 总计', async () => {
  // The page leaves the seventh cell of rows （一） and （二） out; the browser prints one ruled box there, spanning
  // both rows under 总计. On paper a reviewer sees an empty 总计, so the PDF reads it as one: cell-blank for each
  // row in place of the text's cell-missing for （一）. Every other finding is the text's.
  const actual = keysOf((await converted('001_4bbec81685d80308.pdf')).text);
  const expected = keysOf(cut001());
  assert.deepEqual(actual.filter((k) => !k.startsWith('cell-blank')), expected.filter((k) => !k.startsWith('cell-missing')));
  assert.deepEqual(actual.filter((k) => k.startsWith('cell-blank')).map((k) => k.split('|').slice(0, 3).join('|')), ['cell-blank|R3.1|total', 'cell-blank|R3.2|total']);
});

for (const name of Object.keys(SOURCES)) {
  test(`${name}: the web page and the Word file give the same text`, async () => {
    const html = await converted(`${name}.html`);
    const docx = await converted(`${name}.docx`);
    assert.equal(docx.text, html.text);
    assert.equal(docx.lines.length, docx.text.split('\n').length, 'one source entry per line');
  });
  test(`${name}: the PDF gives the page's table rows, label and numbers in the same order`, async () => {
    // Spaces inside a label are glyph gaps in a PDF, kept or not by their width; the engine ignores them too.
    const rows = (c: Converted) => c.text.split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t').map((x) => x.replace(/\s+/g, '')).filter((x) => x !== ''));
    const pdf = await converted(`${name}.pdf`);
    assert.deepEqual(rows(pdf), rows(await converted(`${name}.html`)));
  });
}

test('a PDF printed with the browser\'s headers and footers and the tables\' headers repeated on each page: the same findings, no page furniture, each header once', async () => {
  const pdf = await converted('004_fcebe1c6f102ee17.furniture.pdf');
  assert.deepEqual(keysOf(pdf.text), keysOf(readFileSync(SOURCES['004_fcebe1c6f102ee17'], 'utf8')));
  assert.doesNotMatch(pdf.text, /file:\/\//, 'the address printed at the foot of each page');
  assert.doesNotMatch(pdf.text, /^\s*\d+\/\d+\s*$/m, 'the page numbers n/N');
  const count = (needle: string) => pdf.text.split('\n').filter((l) => l.includes(needle)).length;
  assert.equal(count('申请人情况'), 1, 'the applications table header once');
  assert.equal(count('未经复议直接起诉'), 1, 'the review table header once');
  assert.equal(pdf.pages, 5);
});

test('a PDF whose tables have no borders: rows rebuilt from the columns of the text (a fallback, not exact)', async () => {
  const pdf = await converted('004_fcebe1c6f102ee17.borderless.pdf');
  const rows = pdf.text.split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t').filter((x) => x !== ''));
  // Values as in samples/004 (its Table 1 and Table 3), read by hand.
  assert.ok(rows.some((r) => r.join('|') === '行政许可|38|-5|33'), 'a Table 1 row');
  assert.ok(rows.some((r) => r.join('|') === '一、本年新收政府信息公开申请数量|4|0|0|1|0|0|5'), 'a Table 3 row');
  assert.ok(rows.some((r) => r.join('|') === '(七)总计|0|0|0|0|0|0|0'), 'the (七)总计 row');
});
