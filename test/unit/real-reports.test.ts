/**
 * The real reports as reviewers receive them (PDF text, a web table, an OCR conversion) against their
 * hand-checked findings (test/fixtures/real). The prose rules are held to their own expectations.
 * With XXGK_UPDATE=1 the actual findings are written beside them as .actual.json, never over them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, check, safeFixEdits } from '../../server/src/engine';

const REAL = join(__dirname, '../fixtures/real');
const PROSE = (code: string) => code.startsWith('text-') || ['year-mismatch', 'fee-statement-missing', 'carry-over-mismatch'].includes(code);

interface Expected {
  findings: { code: string; line: number; character: number; reason: string }[];
}

const names = readdirSync(REAL).filter((f) => f.endsWith('.txt'));

test('the three real reports are here', () => {
  assert.equal(names.length, 3);
});

for (const name of names) {
  test(`real report ${name} gives exactly its hand-checked table and structure findings`, () => {
    const text = readFileSync(join(REAL, name), 'utf8');
    const expected = JSON.parse(readFileSync(join(REAL, name.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected;
    for (const f of expected.findings) assert.ok(f.reason.length > 10, `every expected finding carries a reason (${f.code})`);
    const actual = check(text).findings.filter((f) => !PROSE(f.code))
      .map((f) => ({ code: f.code, line: f.range.start.line, character: f.range.start.character }));
    if (process.env.XXGK_UPDATE) writeFileSync(join(REAL, name.replace(/\.txt$/, '.actual.json')), JSON.stringify(actual, null, 2));
    assert.deepEqual(actual, expected.findings.map(({ code, line, character }) => ({ code, line, character })));
  });
}

const read = (prefix: string) => {
  const name = names.find((n) => n.startsWith(prefix));
  assert.ok(name, prefix);
  return readFileSync(join(REAL, name), 'utf8');
};

test('real/06 (OCR markdown, every identity holds) has no error and reads every table', () => {
  const r = check(read('06_'));
  assert.deepEqual(r.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
  for (const id of ['active', 'applications', 'review'] as const) {
    assert.equal(r.report.tables[id]?.reading?.readable, true, id);
    assert.equal(r.report.tables[id]?.reading?.layout, 'markdown', id);
  }
  // The placeholder header `数据1` is never a value: row 一 reads 705 3 0 0 5 0 713.
  assert.deepEqual(r.report.tables.applications?.rows[0].cells?.map((c) => c.value), [705, 3, 0, 0, 5, 0, 713]);
  // Table 3 as three small tables, each with its own header: 15 numbers in order.
  assert.deepEqual(r.report.tables.review?.rows[0].cells?.map((c) => c.value), [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]);
});

test('real/04: after --fix no arithmetic finding is left and every filled total is its row\'s sum', () => {
  const text = read('04_');
  const before = check(text);
  const fixed = applyEdits(text, safeFixEdits(before.findings));
  const after = check(fixed);
  assert.deepEqual(after.findings.filter((f) => ['row-total', 'item-total', 'balance', 'review-total', 'cell-blank'].includes(f.code)).map((f) => f.message), []);
  const t2 = after.report.tables.applications;
  assert.ok(t2);
  for (const row of t2.rows) {
    const cells = row.cells ?? [];
    assert.equal(cells.length, 7, row.label);
    assert.ok(cells.every((c) => c.kind === 'number'), `${row.label}: no blank left`);
    const parts = cells.slice(0, 6).reduce((s, c) => s + (c.value ?? 0), 0);
    assert.equal(cells[6].value, parts, `${row.label}: 总计 = sum of its row`);
  }
  // Spot checks by hand: (一)予以公开 258+12+1+1 = 272; (四)1 252+12+1 = 265.
  assert.equal(t2.rows.find((r) => r.id === 'R3.1')?.cells?.[6].value, 272);
  assert.equal(t2.rows.find((r) => r.id === 'R3.4.1')?.cells?.[6].value, 265);
});

test('real/01 (pdftotext -layout): the 2019-style （六）其他处理 row stands for 2021\'s three, and （七）总计 balances through it', () => {
  const r = check(read('01_'));
  assert.deepEqual(r.findings.filter((f) => ['row-missing', 'item-total', 'balance'].includes(f.code)).map((f) => f.message), []);
  assert.deepEqual(r.report.tables.applications?.variants?.map((v) => [v.rowId, v.version, v.covers.join(',')]), [['R3.6', '2019', 'R3.6.1,R3.6.2,R3.6.3']]);
});

test('prose against the tables of the real reports: only the disagreements checked by hand', () => {
  const prose = (prefix: string) => check(read(prefix)).findings.filter((f) => PROSE(f.code))
    .map((f) => [f.code, f.range.start.line, f.range.start.character, read(prefix).slice(f.span.start, f.span.end)]);
  // 04 line 14: 予以公开及部分公开258件 against 272 + 3 = 275 (the blank 总计 cells read as their rows' sums);
  // 无法提供265件 against the (四) rows' 265 + 47 + 25 = 337; 行政复议 均获维持 while 2 are 尚未审结.
  // 不予公开35件 (14+5+4+10+2) and 不予处理158件 (149+9) agree once the blank totals read as sums.
  assert.deepEqual(prose('04_'), [
    ['text-table-mismatch', 13, 113, '258'],
    ['text-table-mismatch', 13, 154, '265'],
    ['text-table-mismatch', 13, 206, '均获维持'],
  ]);
  // 06 line 26: 受理 749件 = 一 713 + 二 36, a reading of the table, not a mismatch.
  assert.deepEqual(prose('06_'), []);
  assert.deepEqual(prose('01_'), []);
});
