/**
 * The workspace check with published files (issue 22): PDF, Word and web-page files named by the sites'
 * publishing systems are converted in the background, listed in the 「年报」 list with format, pages, body, year
 * and counts; their findings are published on their converted view (`xxgk-converted:`), a PDF's with the page in
 * the message; a page that is no report is listed as such; a broken file gets one `file-conversion` finding; a
 * second check of the unchanged folder converts nothing (xxgk/stats counts the converter processes); a
 * cancelled check stops before converting the whole folder. Fixtures: copies of test/fixtures/convert/, made here.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { convertedViewUri, type CheckWorkspaceResult, type StatsResult } from '../../server/src/protocol';
import { ROOT, TestClient } from './support/client';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'convert');
let dir: string;
let client: TestClient;
const published = new Map<string, Diagnostic[][]>();

const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
const lastPublished = (uri: string) => published.get(uri)?.at(-1);
const stats = async () => (await client.connection.sendRequest<StatsResult>('xxgk/stats', {})).conversions!;

/** The codes and lines the CLI gives for a file, as an independent reference. */
function cliFindings(path: string): string[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--format', 'json', path], { encoding: 'utf8' });
  const files = (JSON.parse(r.stdout) as { files: { diagnostics: { code: string; range: { start: { line: number } } }[] }[] }).files;
  return files[0].diagnostics.map((d) => `${d.code}@${d.range.start.line}`).sort();
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-lsp-published-'));
  copyFileSync(join(FIXTURES, '000_4be19b291208bb33.pdf'), join(dir, 'P020240131563581385839.pdf'));
  copyFileSync(join(FIXTURES, '002_931eb61caecda62d.html'), join(dir, 't20250130_4417263.html'));
  copyFileSync(join(FIXTURES, 'bad', 'no-report.html'), join(dir, 't20250131_4417300.html'));
  copyFileSync(join(FIXTURES, 'bad', 'corrupt.pdf'), join(dir, 'P020240131000000000001.pdf'));
  writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  client = await TestClient.start({ workspaceFolders: [dir] });
  client.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
    published.set(p.uri, [...(published.get(p.uri) ?? []), p.diagnostics]);
  });
});

after(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('published files listed with format, pages, body, year and counts; findings on the converted view with their page', async () => {
  const result: CheckWorkspaceResult = await client.connection.sendRequest('xxgk/checkWorkspace', {});
  assert.equal(result.complete, true);
  const byPath = new Map(result.reports.map((r) => [r.path, r]));
  assert.deepEqual([...byPath.keys()].sort(), ['P020240131000000000001.pdf', 'P020240131563581385839.pdf', 't20250130_4417263.html', 't20250131_4417300.html']);

  const pdf = byPath.get('P020240131563581385839.pdf')!;
  const view = convertedViewUri(uriOf('P020240131563581385839.pdf'));
  assert.deepEqual({ ...pdf, uri: '' }, {
    uri: '', path: 'P020240131563581385839.pdf', body: '湘潭县卫生健康局', year: 2022, version: '2021', errors: 0, warnings: 0,
    status: 'report', format: 'pdf', pages: 5, document: view,
  });
  const onView = lastPublished(view)!;
  assert.ok(onView, 'the PDF\'s findings are published on its converted view');
  assert.deepEqual(onView.map((d) => `${String(d.code)}@${d.range.start.line}`).sort(), cliFindings(join(dir, 'P020240131563581385839.pdf')), 'as the CLI');
  assert.ok(onView.every((d) => /（第 \d 页）$/.test(d.message)), onView.map((d) => d.message).join('\n'));
  assert.equal(published.has(uriOf('P020240131563581385839.pdf')), false, 'nothing on the PDF itself');

  const html = byPath.get('t20250130_4417263.html')!;
  assert.equal(html.status, 'report');
  assert.equal(html.format, 'html');
  assert.equal(html.body, '海阳市卫生健康局');

  assert.equal(byPath.get('t20250131_4417300.html')!.status, 'not-report', 'a page of the site without a report: listed as such');
  const broken = byPath.get('P020240131000000000001.pdf')!;
  assert.equal(broken.status, 'unreadable');
  assert.deepEqual(lastPublished(uriOf('P020240131000000000001.pdf'))!.map((d) => d.code), ['file-conversion'], 'one finding on the broken file');
});

test('a second check of the unchanged folder converts nothing', async () => {
  const before = await stats();
  assert.equal(before.conversions, 4, 'the first check converted each published file once');
  const again: CheckWorkspaceResult = await client.connection.sendRequest('xxgk/checkWorkspace', {});
  assert.equal(again.complete, true);
  const after = await stats();
  assert.equal(after.conversions, before.conversions, 'no converter process');
  assert.ok(after.hits >= before.hits + 4, JSON.stringify(after));
});

test('a changed published file on disk is converted and checked again', async () => {
  const name = 't20250130_4417263.html';
  const html = readFileSync(join(FIXTURES, '002_931eb61caecda62d.html'), 'utf8');
  // 海阳 2023: 3 new applications from 自然人 break the row total (still 0) — edited in the copy only.
  const row = '本年新收政府信息公开申请数量</span></p></td><td valign="center"><p align="center"><span>0</span>';
  assert.ok(html.includes(row));
  writeFileSync(join(dir, name), html.replace(row, row.replace('<span>0</span>', '<span>3</span>')));
  const before = (await stats()).conversions;
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(name), type: 2 }] });
  const view = convertedViewUri(uriOf(name));
  const deadline = Date.now() + 20_000;
  while ((lastPublished(view)?.length ?? 0) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.ok((lastPublished(view) ?? []).some((d) => d.severity === 1), JSON.stringify(lastPublished(view)?.map((d) => d.code)));
  assert.equal((await stats()).conversions, before + 1);
});

test('cancelled midway: the check stops before converting the whole folder', async () => {
  const many = mkdtempSync(join(tmpdir(), 'xxgk-lsp-many-'));
  try {
    const pdf = readFileSync(join(FIXTURES, '004_fcebe1c6f102ee17.pdf'));
    // Twelve different files (a comment after %%EOF changes the bytes, not the document).
    for (let i = 0; i < 12; i++) writeFileSync(join(many, `P0202401${String(i).padStart(4, '0')}.pdf`), Buffer.concat([pdf, Buffer.from(`\n% copy ${i}\n`)]));
    const before = (await stats()).conversions;
    const source = new CancellationTokenSource();
    const running = client.connection.sendRequest<CheckWorkspaceResult>('xxgk/checkWorkspace', { folders: [pathToFileURL(many).href] }, source.token);
    // Cancel once the first conversion has been made.
    const deadline = Date.now() + 30_000;
    while ((await stats()).conversions === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    source.cancel();
    const result = await running.catch((e: unknown) => e);
    const converted = (await stats()).conversions - before;
    assert.ok(converted < 12, `stopped early: ${converted} of 12 converted`);
    if (result && typeof result === 'object' && 'complete' in result) assert.equal((result as CheckWorkspaceResult).complete, false);
    // The server still answers.
    assert.ok(typeof (await stats()).conversions === 'number');
  } finally {
    rmSync(many, { recursive: true, force: true });
  }
});
