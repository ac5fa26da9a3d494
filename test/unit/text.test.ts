/** Text layer: 1:1 folding, line splitting with exact positions, Chinese numerals, headings vs table rows. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldText, fromUnits, labelKey } from '../../server/src/engine/text/normalize';
import { BoundedMemo } from '../../server/src/engine/text/memo';
import { firstUnitsOf, isLeadUnit, isSpaceUnit, isTrailUnit } from '../../server/src/engine/text/chars';
import { parseNumeral, parseReport, positionAt, splitLines, detectEol } from '../../server/src/engine';

test('folding keeps every offset: full-width ASCII, ideographic space, dashes, BOM', () => {
  const s = '\uFEFF（一）１２３，　—㈠𠀀';
  const f = foldText(s);
  assert.equal(f.length, s.length);
  assert.equal(f, ' (一)123, -㈠𠀀');
});

test('folding a long text keeps every unit it does not fold, lone surrogates and no-break spaces included', () => {
  // Longer than one chunk of the copy (8,192 units), with a folded unit in every chunk and at both ends.
  const piece = 'ab\u00a0中\ud800x\udc00，';
  const s = `１${piece.repeat(3000)}２`;
  const f = foldText(s);
  assert.equal(f.length, s.length);
  assert.equal(f, `1${'ab 中\ud800x\udc00,'.repeat(3000)}2`);
  // Nothing to fold: the same string back.
  const plain = '本机关2023年收到申请10件。'.repeat(1000);
  assert.equal(foldText(plain), plain);
});

test('folding every BMP unit follows the rules as written: full-width ASCII, spaces, dashes, one-unit NFKC look-alikes', () => {
  const DASHES = [0x2212, 0x2013, 0x2014, 0x2015, 0xfe63, 0x2e3a];
  const SPACES = [0x3000, 0x00a0, 0xfeff, 0x2002, 0x2003];
  const expected = (c: number): number => {
    if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
    if (SPACES.includes(c)) return 0x20;
    if (DASHES.includes(c)) return 0x2d;
    if ((c >= 0x2e80 && c <= 0x2fdf) || (c >= 0xf900 && c <= 0xfaff)) {
      const f = String.fromCharCode(c).normalize('NFKC');
      if (f.length === 1) return f.charCodeAt(0);
    }
    return c;
  };
  const wrong: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const got = foldText(`a${String.fromCharCode(c)}`).charCodeAt(1);
    if (got !== expected(c)) wrong.push(c.toString(16));
  }
  assert.deepEqual(wrong, []);
});

test('units become the same string with Node\'s Buffer and without it, lone surrogates included', () => {
  const units = new Uint16Array(20000).map((_, i) => [0x61, 0xd800, 0x4e2d, 0xdc00, 0xff0c][i % 5]);
  const expected = Array.from(units, (u) => String.fromCharCode(u)).join('');
  assert.equal(fromUnits(units), expected);
  assert.equal(fromUnits(units, null), expected);
  assert.equal(fromUnits(units.subarray(3, 11)), expected.slice(3, 11));
});

test('label keys drop spaces and punctuation but keep letters and digits', () => {
  assert.equal(labelKey('(二) 部分公开(区分处理的, 只计这一情形)'), '二部分公开区分处理的只计这一情形');
  assert.equal(labelKey('结果 维持'), '结果维持');
  assert.equal(labelKey('本年增/减'), '本年增减');
});

test('a label key keeps exactly the letters and numbers of any script (every BMP unit, astral letters, lone surrogates)', () => {
  const expected = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');
  const wrong: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const s = `a${String.fromCharCode(c)}b`;
    if (labelKey(s) !== expected(s)) wrong.push(c.toString(16));
  }
  for (const s of ['x𠀀y', '😀一', '\ud800\udc00', '\udc00一\ud800', '（二）𝟎①Ⅳ〇', '　 行政　复议 ']) {
    if (labelKey(s) !== expected(s)) wrong.push(JSON.stringify(s));
  }
  assert.deepEqual(wrong, []);
});

test('unit tests agree with the expressions they replace on every BMP unit', () => {
  const wrong: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (isSpaceUnit(c) !== /\s/.test(ch)) wrong.push(`space ${c.toString(16)}`);
    if (isLeadUnit(c) !== /[\s#*|]/.test(ch)) wrong.push(`lead ${c.toString(16)}`);
    if (isTrailUnit(c) !== /[\s*|]/.test(ch)) wrong.push(`trail ${c.toString(16)}`);
  }
  assert.deepEqual(wrong, []);
});

test('lines split as a unit-by-unit scan splits them, on any mix of CR, LF and CRLF', () => {
  const scan = (text: string) => {
    const out: { index: number; start: number; end: number; text: string }[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') continue;
      out.push({ index: out.length, start, end: i, text: text.slice(start, i) });
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
    out.push({ index: out.length, start, end: text.length, text: text.slice(start) });
    return out;
  };
  const pieces = ['a', '\n', '\r', '\r\n', '\n\r', '中', ''];
  let seed = 5;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let k = 0; k < 20000; k++) {
    let text = '';
    for (let j = Math.floor(rnd() * 10); j > 0; j--) text += pieces[Math.floor(rnd() * pieces.length)];
    assert.deepEqual(splitLines(text), scan(text), JSON.stringify(text));
  }
});

test('the first units of words: any text holding a word matches, one without any of their first units does not', () => {
  const words = ['主动公开', '-2-', ']x', '^y', '\\z', '复议'];
  const re = firstUnitsOf(words);
  for (const w of words) assert.ok(re.test(`前文${w}后文`), w);
  for (const text of ['', '本年度', 'abc', '2', 'xyz', '公开', '议']) assert.equal(re.test(text), false, text);
});

test('lines split on CRLF, CR and LF; positions are UTF-16 columns of the original', () => {
  const text = 'a\r\nb𠀀c\rd\ne';
  const lines = splitLines(foldText(text));
  assert.deepEqual(lines.map((l) => text.slice(l.start, l.end)), ['a', 'b𠀀c', 'd', 'e']);
  assert.deepEqual(positionAt(lines, text.indexOf('c')), { line: 1, character: 3 });
  assert.deepEqual(positionAt(lines, text.length), { line: 3, character: 1 });
  assert.equal(detectEol(text), '\r\n');
  assert.equal(detectEol('x'), '\n');
});

test('Chinese numerals: 零, 十, 两, 百, 千, 万', () => {
  const cases: [string, number | null][] = [
    ['零', 0], ['十', 10], ['十二', 12], ['二十', 20], ['两', 2], ['一百二十三', 123], ['两千零五', 2005],
    ['三万四千', 34000], ['十万', 100000], ['一万零一', 10001], ['183', 183], ['十余', null], ['', null],
  ];
  for (const [text, value] of cases) assert.equal(parseNumeral(text), value, text);
});

test('Table 2 row labels that look like level-1 headings are rows, not headings', () => {
  const text = readFileSync(join(__dirname, '../../samples/004_fcebe1c6f102ee17.txt'), 'utf8');
  const r = parseReport(text);
  assert.deepEqual(r.headings.map((h) => h.no), [1, 2, 3, 4, 5, 6]);
  const rowLines = ['一、本年新收', '二、上年结转', '三、本年度办理结果', '四、结转下年度'].map((w) => r.lines.findIndex((l) => l.text.startsWith(w)));
  for (const line of rowLines) {
    assert.ok(line > 0);
    assert.ok(!r.headings.some((h) => h.line === line), `line ${line} is not a heading`);
  }
});

test('sample 002: numbered items 1.–7. in 六 and the long 四 title variant', () => {
  const r = parseReport(readFileSync(join(__dirname, '../../samples/002_931eb61caecda62d.txt'), 'utf8'));
  assert.deepEqual(r.sections.map((s) => s.no), [1, 2, 3, 4, 5, 6]);
  assert.equal(r.sections[3].heading.title, '因政府信息公开工作被申请行政复议、提起行政诉讼情况');
  assert.equal(r.year?.value, 2023);
  assert.equal(r.version.used, '2021');
});

test('BoundedMemo keeps what it was given up to its limit, then starts afresh', () => {
  const memo = new BoundedMemo<number>(3);
  memo.set('a', 1);
  memo.set('b', 2);
  memo.set('c', 3);
  assert.deepEqual(['a', 'b', 'c'].map((k) => memo.get(k)), [1, 2, 3]);
  memo.set('b', 20);
  assert.equal(memo.get('b'), 20);
  // A fourth key: the memo was full, so it holds the new key alone.
  memo.set('d', 4);
  assert.deepEqual(['a', 'b', 'c', 'd'].map((k) => memo.get(k)), [undefined, undefined, undefined, 4]);
});
