/**
 * `xxgk/compare` over the protocol: this year's open report against last year's found beside it (same body,
 * the year before, as the carry-over check finds it) or chosen by the client; the threshold from the
 * `xxgk.compareThreshold` setting. The pair: sample 003 (中牟县卫健委 2021) and a 2022 copy whose 上年结转
 * reads 2 under 自然人 (0 last year: a change from 0 is a large swing; no per cent).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompareResult } from '../../server/src/protocol';
import { SAMPLE, sampleText, TestClient } from './support/client';

const text2021 = sampleText(SAMPLE.s003);
const R2 = '二、上年结转政府信息公开申请数量\t0';
const text2022 = text2021.replace('中牟县卫健委2021年', '中牟县卫健委2022年').replace(R2, R2.slice(0, -1) + '2');

let dir: string;
let client: TestClient;
let uri2021: string;
let uri2022: string;
let threshold: unknown = 25;

before(async () => {
  assert.notEqual(text2022, text2021);
  dir = mkdtempSync(join(tmpdir(), 'xxgk-lsp-compare-'));
  writeFileSync(join(dir, '中牟2021年度报告.txt'), text2021);
  writeFileSync(join(dir, '中牟2022年度报告.txt'), text2022);
  writeFileSync(join(dir, '别的.txt'), sampleText(SAMPLE.s002));
  uri2021 = pathToFileURL(join(dir, '中牟2021年度报告.txt')).href;
  uri2022 = pathToFileURL(join(dir, '中牟2022年度报告.txt')).href;
  client = await TestClient.start({ workspaceFolders: [dir], settings: () => ({ compareThreshold: threshold }) });
});

after(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('last year\'s report found beside the open one; the changed cell with ranges in both files; the setting\'s threshold', async () => {
  await client.open(uri2022, text2022);
  const r = await client.connection.sendRequest<CompareResult>('xxgk/compare', { uri: uri2022 });
  assert.ok(r);
  assert.equal(r.previousUri, uri2021);
  assert.equal(r.comparison.threshold, 25);
  assert.deepEqual(r.comparison.previous, { body: '中牟县卫健委', year: 2021, version: '2021' });
  const changed = r.comparison.cells.filter((c) => c.previous !== c.current);
  assert.deepEqual(changed.map((c) => [c.id, c.previous, c.current, c.change, c.percent, c.large]), [['applications.R2.natural', 0, 2, 2, null, true]]);
  // Line 40 of both files: `二、上年结转政府信息公开申请数量` (16 characters), a TAB, then the 自然人 cell.
  assert.deepEqual(changed[0].currentRange, { start: { line: 39, character: 17 }, end: { line: 39, character: 18 } });
  assert.deepEqual(changed[0].previousRange, { start: { line: 39, character: 17 }, end: { line: 39, character: 18 } });
  const link = r.comparison.carryOver.find((l) => l.column === 'natural')!;
  assert.deepEqual([link.previous, link.current, link.holds], [0, 2, false]);
});

test('a report chosen by the client; none found: null; a bad setting falls back to 50', async () => {
  threshold = 'viel';
  await client.changeConfiguration();
  const chosen = await client.connection.sendRequest<CompareResult>(
    'xxgk/compare', { uri: uri2022, previousUri: pathToFileURL(join(dir, '别的.txt')).href },
  );
  assert.ok(chosen);
  assert.equal(chosen.comparison.threshold, 50);
  assert.ok(chosen.comparison.notes.includes('other-body'));
  assert.equal(await client.connection.sendRequest('xxgk/compare', { uri: uri2021 }), null, 'no 2020 report beside the 2021 one');
});
