/** Table grids for the preview: broken identities mark their total (with the expected value) and parts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../server/src/engine';
import { tableGrids } from '../../server/src/engine';
import { buildReport } from './support/build-report';

test('sample 004: (七)总计 and 结转 cells are marked with the values they should have', () => {
  const grids = tableGrids(parseReport(readFileSync(join(__dirname, '../../samples/004_fcebe1c6f102ee17.txt'), 'utf8')));
  assert.deepEqual(grids.map((g) => g.id), ['active', 'applications', 'review']);
  const t2 = grids[1];
  const row = (id: string) => t2.rows.find((r) => r.id === id)!;
  assert.deepEqual(row('R3.7').cells.map((c) => c.expected), [4, null, null, 1, null, null, 5]);
  assert.deepEqual(row('R4').cells.map((c) => c.expected), [1, null, null, null, null, null, 1]);
  assert.equal(row('R3.1').cells[0].mark, 'part');
  assert.equal(row('R3.3.8').cells[6].kind, 'blank');
});

test('a consistent report has no marked cell; a missing row is shown empty', () => {
  const text = buildReport().replace('2.重复申请\t0\t0\t0\t0\t0\t0\t0\n', '');
  const grids = tableGrids(parseReport(text));
  assert.ok(grids.every((g) => g.rows.every((r) => r.cells.every((c) => c.mark === null))));
  const missing = grids[1].rows.find((r) => r.id === 'R3.5.2')!;
  assert.equal(missing.labelSpan, null);
  assert.ok(missing.cells.every((c) => c.kind === 'missing'));
});
