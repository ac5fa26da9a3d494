/**
 * Text as reviewers get it from published PDFs with poppler's pdftotext, with `-layout` and without it
 * (reading order): test/fixtures/pdftotext/, made from the PDFs of test/fixtures/convert/ by
 * scripts/make-pdftotext-fixtures.sh. Precision first: a consistent report gets no error in either shape,
 * and every table is either read with the same cells as the report's own text or said to be unreadable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, type Report, type TableId } from '../../server/src/engine';

const DIR = join(__dirname, '../fixtures/pdftotext');
const SOURCES: Record<string, string> = {
  '000_': 'samples/000_4be19b291208bb33.txt',
  '001_': 'samples/001_4bbec81685d80308.txt',
  '002_': 'samples/002_931eb61caecda62d.txt',
  '003_': 'samples/003_8cda5f95bd011878.txt',
  '004_': 'samples/004_fcebe1c6f102ee17.txt',
  '01_': 'test/fixtures/real/01_hongze-district-gov-2023.txt',
  '04_': 'test/fixtures/real/04_shanghai-gov-general-office-2019.txt',
  '06_': 'test/fixtures/real/06_shuyang-county-gov-2025-ocr.txt',
};
/** Reports whose every identity holds. */
const CONSISTENT = ['000_', '002_', '003_', '06_'];
const ARITHMETIC = ['row-total', 'item-total', 'balance', 'review-total'];

const source = (name: string) => Object.keys(SOURCES).find((k) => name.startsWith(k)) as string;
const read = (path: string) => readFileSync(join(__dirname, '../..', path), 'utf8');
const values = (r: Report, id: TableId) =>
  Object.fromEntries((r.tables[id]?.rows ?? []).map((row) => [row.id, row.cells?.map((c) => c.value) ?? null]));

const files = readdirSync(DIR).filter((f) => f.endsWith('.txt'));

test('the pdftotext fixtures are here, both shapes of every PDF', () => {
  assert.equal(files.length, 20);
});

for (const name of files) {
  test(`${name}: no error the report's own text does not have, and each table read as the text reads it or unreadable`, () => {
    const key = source(name);
    const text = check(read(SOURCES[key]));
    const pdf = check(readFileSync(join(DIR, name), 'utf8'));
    const errors = pdf.findings.filter((f) => f.severity === 'error');
    if (CONSISTENT.includes(key)) assert.deepEqual(errors.map((f) => `${f.code}: ${f.message}`), [], 'a consistent report');
    const textErrors = new Set(text.findings.filter((f) => f.severity === 'error').map((f) => f.code));
    for (const f of errors) {
      // 004's 8.属于行政查询事项 has a blank 总计: in a PDF's text the blank is invisible and the row shows six numbers.
      const blankRow = key === '004_' && f.code === 'cell-missing' && f.message.includes('8.属于行政查询事项');
      assert.ok(textErrors.has(f.code) || blankRow || (ARITHMETIC.includes(f.code) && key === '004_'), `${f.code}: ${f.message}`);
    }
    for (const id of ['active', 'applications', 'review'] as const) {
      const t = pdf.report.tables[id];
      if (!t || t.reading?.readable === false || !text.report.tables[id]) continue;
      const own = values(text.report, id);
      for (const [row, cells] of Object.entries(values(pdf.report, id))) {
        if (cells === null || own[row] === null || own[row] === undefined) continue;
        // A blank cell reads 0 in the text; in the PDF's text it is gone, so compare only complete rows.
        assert.deepEqual(cells, own[row], `${id} ${row}`);
      }
    }
  });
}
