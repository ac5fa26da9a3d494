/**
 * The workbook writer of `--format xlsx` (formats/xlsx-writer.ts): what it writes is read back by another
 * implementation (exceljs, a dev dependency only) with the same sheets, values, styles, frozen panes and width;
 * text that XML cannot hold as is survives; the same workbook gives the same bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { Workbook as ExcelJs } from 'exceljs';
import { CellStyle, columnName, writeXlsx, type Workbook } from '../../server/src/cli/formats/xlsx-writer';

const BOOK: Workbook = {
  creator: 'xxgk-check',
  sheets: [
    {
      name: '表一 主动公开',
      frozen: { columns: 1, rows: 2 },
      firstColumnWidth: 40,
      rows: [
        { cells: ['文件', '数'], style: CellStyle.Bold },
        { cells: ['path', 'n'], style: CellStyle.GreyItalic },
        { cells: ['a<b>&"c".txt', 12] },
        { cells: ['=HYPERLINK("x")', null, 0, 3.5] },
        { cells: ['控制\u0001字符\t与换行\n', -1] },
      ],
    },
    { name: '问题', rows: [] },
  ],
};

test('column names: A…Z, AA…AZ, BA, and ZZ → AAA', () => {
  assert.deepEqual([0, 25, 26, 51, 52, 701, 702].map(columnName), ['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
});

test('exceljs reads the workbook back: sheets, values and types, bold and grey italic headers, frozen panes, width, creator', async () => {
  const book = new ExcelJs();
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-xlsx-'));
  try {
    writeFileSync(join(dir, 'book.xlsx'), writeXlsx(BOOK));
    await book.xlsx.readFile(join(dir, 'book.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(book.worksheets.map((w) => w.name), ['表一 主动公开', '问题']);
  const ws = book.worksheets[0];
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['文件', '数']);
  assert.equal(ws.getCell('A1').font?.bold, true);
  assert.equal(ws.getCell('A2').font?.italic, true);
  assert.equal(ws.getCell('A2').font?.color?.argb, 'FF808080');
  assert.equal(ws.getCell('A3').value, 'a<b>&"c".txt');
  assert.equal(ws.getCell('B3').value, 12);
  assert.equal(ws.getCell('A4').value, '=HYPERLINK("x")', 'text stays text, never a formula');
  assert.equal(ws.getCell('B4').value, null, 'null is an empty cell');
  assert.equal(ws.getCell('C4').value, 0);
  assert.equal(ws.getCell('D4').value, 3.5);
  assert.equal(ws.getCell('A5').value, '控制字符\t与换行\n', 'a control character XML cannot hold is dropped, tab and newline kept');
  assert.equal(ws.getCell('B5').value, -1);
  const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number };
  assert.deepEqual([view.state, view.xSplit, view.ySplit], ['frozen', 1, 2]);
  assert.equal(ws.getColumn(1).width, 40);
  assert.equal(book.creator, 'xxgk-check');
  assert.equal(book.worksheets[1].rowCount, 0);
});

test('the same workbook gives the same bytes; the zip holds the parts an Office reader needs', () => {
  const a = writeXlsx(BOOK);
  assert.deepEqual(a, writeXlsx(BOOK));
  const parts = unzipSync(a);
  assert.deepEqual(Object.keys(parts).sort(), [
    '[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml',
    'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml',
  ]);
  const sst = strFromU8(parts['xl/sharedStrings.xml']);
  assert.match(sst, /count="7" uniqueCount="7"/);
  assert.match(sst, /a&lt;b&gt;&amp;&quot;c&quot;\.txt/);
});

test('a sheet name Excel refuses is an error, not a broken file', () => {
  assert.throws(() => writeXlsx({ creator: 'x', sheets: [{ name: 'a/b', rows: [] }] }), /invalid sheet name/);
  assert.throws(() => writeXlsx({ creator: 'x', sheets: [{ name: 'x'.repeat(32), rows: [] }] }), /invalid sheet name/);
  assert.throws(() => writeXlsx({ creator: 'x', sheets: [{ name: '问题', rows: [] }, { name: '问题', rows: [] }] }), /duplicate/);
});
