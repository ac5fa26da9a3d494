/**
 * The server under abuse : out-of-order and malformed messages, bursts, many documents,
 * and an untrusted workspace. Every case asserts the server's answer and that it still answers a normal pull.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { compact, isTableOrStructure, SAMPLE, sampleText, sampleUri, TestClient, r } from './support/client';

const S004 = sampleText(SAMPLE.s004);
const U004 = sampleUri(SAMPLE.s004);
let client: TestClient;

/** The server still serves: a normal pull of sample 004 gives its six table findings. */
async function stillServes(): Promise<void> {
  const uri = 'untitled:still-serves';
  await client.open(uri, S004, 1);
  assert.equal((await client.diagnostics(uri)).filter(isTableOrStructure).length, 6);
  await client.close(uri);
}

before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

test('a didChange for a document never opened is ignored without a crash; the document stays unknown', async () => {
  const uri = 'untitled:never-opened';
  await client.change(uri, 2, [{ text: S004 }]);
  assert.deepEqual(await client.diagnostics(uri), []);
  assert.equal(await client.reportInfo(uri), null);
  await stillServes();
});

test('a version going backwards (and a version repeated with other text) is answered for the text the server holds', async () => {
  const uri = 'untitled:backwards';
  await client.open(uri, S004, 5);
  assert.equal((await client.pull(uri)).resultId, '5');
  await client.change(uri, 3, [{ text: sampleText(SAMPLE.s002) }]);
  const back = await client.pull(uri);
  assert.equal(back.kind, 'full');
  assert.equal(back.resultId, '3');
  assert.deepEqual(back.kind === 'full' ? back.items.filter(isTableOrStructure) : null, []);
  // The same version number again with other text: the cached check of version 3 must not be reused.
  await client.change(uri, 3, [{ text: S004 }]);
  assert.equal((await client.diagnostics(uri)).filter(isTableOrStructure).length, 6);
  await client.close(uri);
  await stillServes();
});

test('an incremental change whose range is past the end is clamped as vscode-languageserver-textdocument does', async () => {
  const uri = 'untitled:past-end';
  const edits = [
    { range: r(10_000, 0, 10_000, 5), text: '\n尾部追加' },
    { range: r(3, 500, 3, 900), text: '行尾' },
    { range: r(2, 0, 9_999, 0), text: '' },
  ];
  const local = TextDocument.create(uri, 'xxgk-report', 1, S004);
  await client.open(uri, S004, 1);
  for (const [i, edit] of edits.entries()) {
    TextDocument.update(local, [edit], i + 2);
    await client.change(uri, i + 2, [edit]);
    // The server's answer equals the answer for the text the library computes, opened afresh.
    const mirror = `untitled:past-end-mirror-${i}`;
    await client.open(mirror, local.getText(), 1);
    const got = await client.diagnostics(uri);
    const want = await client.diagnostics(mirror);
    assert.deepEqual(got.map(compact), want.map(compact));
    await client.close(mirror);
  }
  assert.equal((await client.pull(uri)).resultId, String(edits.length + 1));
  await client.close(uri);
  await stillServes();
});

test('cancelled code action and document symbol requests are answered RequestCancelled or with a result; the next request is served', async () => {
  await client.open(U004, S004, 1);
  for (const send of [
    (t: CancellationTokenSource) => client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: U004 }, range: r(41, 0, 41, 40), context: { diagnostics: [] } }, t.token),
    (t: CancellationTokenSource) => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: U004 } }, t.token),
  ]) {
    const source = new CancellationTokenSource();
    const answer = send(source);
    source.cancel();
    await answer.then(
      (value) => assert.ok(Array.isArray(value)),
      (e: { code?: number }) => assert.equal(e.code, -32800),
    );
  }
  assert.ok((await client.symbols(U004)).length > 0);
  await client.close(U004);
  await stillServes();
});

test('malformed params for pull, codeAction, documentSymbol, hover, foldingRange: an LSP error or an empty answer, never an exit', async () => {
  const methods = ['textDocument/diagnostic', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/hover', 'textDocument/foldingRange'];
  const bad: unknown[] = [
    {},
    { textDocument: null },
    { textDocument: { uri: 42 } },
    { textDocument: 'file:///x.txt' },
    { textDocument: { uri: U004 }, range: 'all', position: { line: 'a', character: null }, context: 7 },
  ];
  await client.open(U004, S004, 1);
  for (const method of methods) {
    for (const params of bad) {
      const answer = await client.connection.sendRequest(method, params).then(
        (value) => ({ value }),
        (error: { code?: number }) => ({ error: error.code }),
      );
      if ('error' in answer) {
        assert.equal(typeof answer.error, 'number', `${method} ${JSON.stringify(params)}`);
      } else {
        // An empty answer, or (the last case, whose textDocument is valid) a well-formed one.
        const v = answer.value;
        const ok = v === null || Array.isArray(v) || (typeof v === 'object' && (v as { kind?: string }).kind === 'full' && Array.isArray((v as { items?: unknown }).items));
        assert.ok(ok, `${method} ${JSON.stringify(params)} answered ${JSON.stringify(v).slice(0, 200)}`);
        if (typeof (params as { textDocument?: { uri?: unknown } }).textDocument?.uri !== 'string') {
          assert.ok(v === null || (Array.isArray(v) && v.length === 0) || (v as { items: unknown[] }).items.length === 0, `${method} ${JSON.stringify(params)} not empty`);
        }
      }
    }
  }
  assert.equal((await client.diagnostics(U004)).filter(isTableOrStructure).length, 6);
  await client.close(U004);
  await stillServes();
});

test('an unknown method is answered MethodNotFound', async () => {
  await assert.rejects(client.connection.sendRequest('xxgk/noSuchThing', {}), (e: { code?: number }) => e.code === -32601);
  await assert.rejects(client.connection.sendRequest('textDocument/noSuchThing', { textDocument: { uri: U004 } }), (e: { code?: number }) => e.code === -32601);
  await stillServes();
});

test('a burst of 200 edits without pulls, then one pull: the answer is for the last version', async () => {
  const uri = 'untitled:burst';
  await client.open(uri, S004, 1);
  const runs = (await client.stats()).engineRuns;
  const local = TextDocument.create(uri, 'xxgk-report', 1, S004);
  const sends: Promise<void>[] = [];
  for (let v = 2; v <= 201; v++) {
    // Type and delete a character at the end of line 0, alternately.
    const edit = v % 2 === 0 ? { range: r(0, 0, 0, 0), text: 'x' } : { range: r(0, 0, 0, 1), text: '' };
    TextDocument.update(local, [edit], v);
    sends.push(client.change(uri, v, [edit]));
  }
  await Promise.all(sends);
  const report = await client.pull(uri);
  assert.equal(report.resultId, '201');
  assert.equal(local.getText(), S004);
  assert.equal(report.kind === 'full' ? report.items.filter(isTableOrStructure).length : -1, 6);
  assert.ok((await client.stats()).engineRuns - runs <= 2, 'the engine ran for the pulled version only');
  await client.close(uri);
  await stillServes();
});

test('50 documents open at once, all pulled: each is answered (heap reported by xxgk/stats)', async () => {
  const uris = Array.from({ length: 50 }, (_, i) => `untitled:many-${i}`);
  await Promise.all(uris.map((uri, i) => client.open(uri, i % 2 ? S004 : sampleText(SAMPLE.s002), 1)));
  const reports = await Promise.all(uris.map((uri) => client.diagnostics(uri)));
  reports.forEach((items, i) => assert.equal(items.filter(isTableOrStructure).length, i % 2 ? 6 : 0, uris[i]));
  const stats = await client.stats();
  assert.ok(stats.documents >= 50);
  assert.ok(stats.heapUsed > 0);
  console.log(`50 documents: heapUsed ${(stats.heapUsed / 1048576).toFixed(1)} MB`);
  await Promise.all(uris.map((uri) => client.close(uri)));
  assert.equal((await client.stats()).documents, stats.documents - 50);
  await stillServes();
});

test('a .xxgkrc.json failing the schema: one clear message, the file ignored, defaults used', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-abuse-'));
  const other = await TestClient.start({ workspaceFolders: [dir] });
  try {
    writeFileSync(join(dir, '.xxgkrc.json'), JSON.stringify({ rules: { 'item-total': 'sometimes' }, nonsense: 1 }));
    const uri = pathToFileURL(join(dir, 'report.txt')).href;
    await other.open(uri, S004);
    assert.equal((await other.diagnostics(uri)).filter(isTableOrStructure).length, 6, 'defaults: item-total still reports');
    await other.diagnostics(uri);
    const messages = other.logs.filter((l) => l.message.includes('.xxgkrc.json'));
    assert.equal(messages.length, 1, JSON.stringify(other.logs));
    assert.match(messages[0].message, /^配置文件 .*\.xxgkrc\.json 无效，已忽略并改用默认值/);
    assert.equal((await other.reportInfo(uri))?.configFile, null);
  } finally {
    await other.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('untrusted workspace: .xxgkrc.json is not read until xxgk/trustGranted; then caches are cleared and diagnostics refreshed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-trust-'));
  writeFileSync(join(dir, '.xxgkrc.json'), JSON.stringify({ rules: { 'item-total': 'off' } }));
  const other = await TestClient.start({ workspaceFolders: [dir], initializationOptions: { trusted: false }, settings: () => ({ rules: { 'cell-blank': 'info' } }) });
  try {
    const uri = pathToFileURL(join(dir, 'report.txt')).href;
    await other.open(uri, S004);
    const untrusted = await other.tableDiagnostics(uri);
    assert.deepEqual(untrusted.map((d) => [d.code, d.severity]), [['cell-blank', 3], ['item-total', 1], ['item-total', 1], ['item-total', 1], ['balance', 1], ['balance', 1]]);
    assert.equal((await other.reportInfo(uri))?.configFile, null);
    const refreshes = other.refreshes;
    await other.connection.sendNotification('xxgk/trustGranted');
    await other.waitFor('workspace/diagnostic/refresh', () => other.refreshes > refreshes);
    const trusted = await other.tableDiagnostics(uri);
    // The file now applies (item-total off), and the editor's settings still do (cell-blank info).
    assert.deepEqual(trusted.map((d) => [d.code, d.severity]), [['cell-blank', 3], ['balance', 1], ['balance', 1]]);
    assert.equal((await other.reportInfo(uri))?.configFile, join(dir, '.xxgkrc.json'));
  } finally {
    await other.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
