/** The pieces of conversion without files: merged cells on the grid, look-alike glyphs, PDF rules to cells. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layOut, type WrittenCell } from '../../server/src/convert/grid';
import { foldLookAlikes } from '../../server/src/convert/fold';
import { findTables, rulesOfStrokedRect } from '../../server/src/convert/pdf-tables';
import { convertHtml } from '../../server/src/convert/html';
import * as iconv from 'iconv-lite';

const c = (text: string, rowSpan = 1, colSpan = 1): WrittenCell => ({ text, rowSpan, colSpan, source: {} });
const texts = (rows: ReturnType<typeof layOut>) => rows.map((r) => r.cells.map((x) => x.text).join('\t'));

test('a merged cell is placed once, a label at its last position and a number at its first; the positions it covers are empty', () => {
  const rows = layOut([
    { source: {}, cells: [c('三、本年度办理结果', 3), c('（一）予以公开', 1, 2), c('1')] },
    { source: {}, cells: [c('（三）不予公开', 2), c('1.属于国家秘密'), c('0')] },
    { source: {}, cells: [c('2.其他'), c('')] },
    { source: {}, cells: [c('行政许可'), c('18', 1, 3)] },
    { source: {}, cells: [c('行政事业性收费'), c('—', 1, 3)] },
  ]);
  // The fields after a label are the columns after it: `（一）予以公开` spanning two columns is followed by its 1,
  // not by an empty field a reader would take for the first value (real/04, zeros written blank).
  assert.deepEqual(texts(rows), [
    '三、本年度办理结果\t\t（一）予以公开\t1', '\t（三）不予公开\t1.属于国家秘密\t0', '\t\t2.其他\t',
    '行政许可\t18\t\t', '行政事业性收费\t—\t\t',
  ]);
});

test('a row written with fewer cells stays short: a missing cell is not an empty one', () => {
  assert.deepEqual(texts(layOut([{ source: {}, cells: [c('a'), c('1'), c('2')] }, { source: {}, cells: [c('b'), c('3')] }])), ['a\t1\t2', 'b\t3']);
});

test('a hostile span is clamped to the table', () => {
  const rows = layOut([{ source: {}, cells: [c('x', 65534, 65534)] }, { source: {}, cells: [c('y')] }]);
  assert.equal(rows.length, 2);
  assert.ok(rows[1].cells.length <= 1001);
});

test('Kangxi radicals, simplified radicals and compatibility ideographs fold to the ideographs', () => {
  assert.equal(foldLookAlikes('⼀、总体情况 ⼯作 ⾃然⼈ 首⻚ 人⺠ ䷀'), '一、总体情况 工作 自然人 首页 人民 ䷀');
  assert.equal(foldLookAlikes('\uF900'), '\u8C48');
});

test('ruled grid: a cell with no rule between it and its neighbour is one merged cell', () => {
  // Two rows, three columns; the first row's right two cells have no rule between them (colspan 2).
  const rules = [
    { horizontal: true, at: 0, from: 0, to: 30 },
    { horizontal: true, at: 10, from: 0, to: 30 },
    { horizontal: true, at: 20, from: 0, to: 30 },
    { horizontal: false, at: 0, from: 0, to: 20 }, { horizontal: false, at: 10, from: 0, to: 20 },
    { horizontal: false, at: 20, from: 10, to: 20 }, { horizontal: false, at: 30, from: 0, to: 20 },
  ];
  const [grid] = findTables(rules);
  assert.deepEqual(
    grid.cells.map((x) => [x.row, x.col, x.rowSpan, x.colSpan]),
    [[0, 0, 1, 1], [0, 1, 1, 2], [1, 0, 1, 1], [1, 1, 1, 1], [1, 2, 1, 1]],
  );
  assert.equal(findTables(rulesOfStrokedRect(0, 0, 50, 50)).length, 0, 'a lone box is one cell, not a table');
});

test('HTML: GBK by its meta charset, &nbsp; cells empty, scripts and site navigation dropped', () => {
  const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><script>var a="一、总体情况";</script></head><body>'
    + '<div class="nav">首页</div><p>一、总体情况</p><table><tr><td>规章</td><td>&nbsp;</td><td>3</td></tr></table></body></html>';
  const r = convertHtml(new Uint8Array(iconv.encode(page, 'gbk')));
  assert.equal(r.text, '一、总体情况\n\n规章\t\t3');
  assert.deepEqual(r.lines[2].cells?.map((x) => [x.start, x.end, x.source.cell]), [[0, 2, 0], [3, 3, 1], [4, 5, 2]]);
});
