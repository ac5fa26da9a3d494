/**
 * `xxgk/tables` over stdio: the table preview's grids from the cached check of the current
 * version — columns, rows in template order, every cell with its range in the document, the cells of broken
 * identities marked (the blamed total with its expected value, its parts lighter) — answered for the version
 * the server holds, so the client can drop a stale answer; null for a document that is not open.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PreviewTable } from '../../server/src/protocol';
import { SAMPLE, sampleText, sampleUri, TestClient, r } from './support/client';


let client: TestClient;
before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

const table = (tables: readonly PreviewTable[], id: PreviewTable['id']) => {
  const t = tables.find((x) => x.id === id);
  assert.ok(t, id);
  return t;
};

test('sample 004: three tables; （七）总计 marked where it is broken, with the expected values; parts marked lighter', async () => {
  const uri = sampleUri(SAMPLE.s004);
  await client.open(uri, sampleText(SAMPLE.s004), 3);
  const answer = await client.tables(uri, 3);
  assert.ok(answer);
  assert.equal(answer.uri, uri);
  assert.equal(answer.documentVersion, 3);
  assert.deepEqual(answer.tables.map((t) => [t.id, t.version]), [['active', '2019'], ['applications', '2019'], ['review', '2019']]);
  const apps = table(answer.tables, 'applications');
  assert.deepEqual(apps.columns, ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  const total = apps.rows.find((row) => row.id === 'R3.7');
  assert.ok(total);
  assert.equal(total.label, '（七）总计');
  assert.deepEqual(total.labelRange, r(51, 0, 51, 5));
  assert.deepEqual(total.cells.map((c) => [c.text, c.mark, c.expected]), [
    ['0', 'total', 4], ['0', null, null], ['0', null, null], ['0', 'total', 1], ['0', null, null], ['0', null, null], ['0', 'total', 5],
  ]);
  assert.deepEqual(total.cells[0].range, r(51, 8, 51, 9));
  // （一）予以公开 / 自然人 (4) is a part of the broken 自然人 total; its 商业企业 (0) is part of no broken identity.
  const granted = apps.rows.find((row) => row.label === '（一）予以公开');
  assert.deepEqual(granted?.cells.slice(0, 2).map((c) => [c.text, c.mark, c.expected, c.kind]), [['4', 'part', null, 'number'], ['0', null, null, 'number']]);
  // The blank total of 8.属于行政查询事项: an empty cell with its insertion point.
  const blank = apps.rows.find((row) => row.label.startsWith('8.属于行政查询事项'))?.cells[6];
  assert.deepEqual([blank?.text, blank?.kind, blank?.range], ['', 'blank', r(41, 37, 41, 37)]);
  await client.close(uri);
});

test('the answer follows the text: after an edit, the new version and the marks moved', async () => {
  const uri = sampleUri(SAMPLE.s004);
  await client.open(uri, sampleText(SAMPLE.s004), 1);
  await client.change(uri, 2, [{ range: r(51, 8, 51, 9), text: '4' }]);
  const answer = await client.tables(uri, 2);
  assert.equal(answer?.documentVersion, 2);
  const rows = table(answer.tables, 'applications').rows;
  // （七）总计 / 自然人 = 4 now holds as a total; the balance 4 + 1 = 4 + 0 still fails, blaming 结转 (expected 1).
  assert.deepEqual(rows.find((row) => row.id === 'R3.7')?.cells[0], { text: '4', range: r(51, 8, 51, 9), mark: 'part', expected: null, kind: 'number' });
  assert.deepEqual(rows.find((row) => row.label === '四、结转下年度继续办理')?.cells.slice(0, 1).map((c) => [c.text, c.mark, c.expected]), [['0', 'total', 1]]);
  await client.close(uri);
});

test('a layout without pipes (000, one cell per line): cells carry their own lines; a document not open: null', async () => {
  const uri = sampleUri(SAMPLE.s000);
  await client.open(uri, sampleText(SAMPLE.s000));
  const apps = table((await client.tables(uri, 1))!.tables, 'applications');
  const total = apps.rows.find((row) => row.id === 'R3.7');
  assert.deepEqual(total?.cells.map((c) => c.range?.start.line), [340, 341, 342, 343, 344, 345, 346]);
  assert.ok(apps.rows.every((row) => row.cells.every((c) => c.mark === null)), 'a consistent sample has no mark');
  assert.equal(await client.tables(sampleUri('not-open.txt'), 1), null);
  await client.close(uri);
});
