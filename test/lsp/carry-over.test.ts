/**
 * carry-over-mismatch in the editor: a 2022 report finds last year's report of the same
 * body among the open documents and the .txt files of its folder. A temp folder holds sample 003 (中牟县卫健委
 * 2021, R4 all 0) and a copy retitled 2022 whose 上年结转 reads 2 under 自然人.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SAMPLE, sampleText, TestClient } from './support/client';

const text2021 = sampleText(SAMPLE.s003);
const R2 = '二、上年结转政府信息公开申请数量\t0';
const R4 = '四、结转下年度继续办理\t\t0';
const text2022 = text2021.replace('中牟县卫健委2021年', '中牟县卫健委2022年').replace(R2, R2.slice(0, -1) + '2');

let dir: string;
let client: TestClient;
let uri2021: string;
let uri2022: string;

before(async () => {
  assert.ok(text2021.includes(R2) && text2021.includes(R4) && text2022 !== text2021);
  dir = mkdtempSync(join(tmpdir(), 'xxgk-lsp-carry-'));
  writeFileSync(join(dir, '中牟2021年度报告.txt'), text2021);
  writeFileSync(join(dir, '中牟2022年度报告.txt'), text2022);
  uri2021 = pathToFileURL(join(dir, '中牟2021年度报告.txt')).href;
  uri2022 = pathToFileURL(join(dir, '中牟2022年度报告.txt')).href;
  client = await TestClient.start({ workspaceFolders: [dir] });
});

after(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

const carry = async (uri: string) => (await client.diagnostics(uri)).filter((d) => d.code === 'carry-over-mismatch');

test('last year\'s report on disk, not open: the finding points into that file', async () => {
  await client.open(uri2022, text2022);
  const found = await carry(uri2022);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].range.start.line, 39);
  const rel = found[0].relatedInformation ?? [];
  assert.equal(rel.length, 1);
  assert.equal(rel[0].location.uri, uri2021);
  assert.equal(rel[0].location.range.start.line, 65, 'last year\'s R4 line');
});

test('editing the open 2021 document to match refreshes and clears the finding', async () => {
  await client.open(uri2021, text2021);
  assert.deepEqual(await carry(uri2021), []);
  assert.equal((await carry(uri2022)).length, 1, 'the open 2021 document still disagrees');
  const before = client.refreshes;
  const lines = text2021.split('\n');
  const line = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
  const character = lines[line].indexOf('0');
  await client.change(uri2021, 2, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '2' }]);
  await client.waitFor('a diagnostics refresh', () => client.refreshes > before);
  assert.deepEqual(await carry(uri2022), []);
});
