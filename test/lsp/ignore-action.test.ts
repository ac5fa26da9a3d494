/**
 * "Ignore here in .xxgkrc.json" over stdio: the quick fix after the fixes and suggestions, before
 * "open docs", whose WorkspaceEdit writes `{rule, file, row, column}` into the `.xxgkrc.json` the checker
 * reads — creating it in the workspace folder when there is none, appending to `ignore` of an existing one
 * and keeping the rest of it as written — and, once applied, silences exactly that finding. A config file
 * that is not valid is left alone; a client that cannot create files gets no action that would need to.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver/node';
import { SAMPLE, sampleText, TestClient } from './support/client';

const TITLE = '在 .xxgkrc.json 中忽略此处的「item-total」';

/** A workspace folder holding `reports/2019/report.txt` (sample 004), removed afterwards. */
async function withWorkspace(fn: (dir: string, report: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-ignore-'));
  try {
    mkdirSync(join(dir, 'reports', '2019'), { recursive: true });
    const report = join(dir, 'reports', '2019', 'report.txt');
    writeFileSync(report, sampleText(SAMPLE.s004));
    await fn(dir, report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function itemTotals(client: TestClient, uri: string): Promise<Diagnostic[]> {
  return (await client.diagnostics(uri)).filter((d) => d.code === 'item-total');
}

/** Applies a WorkspaceEdit to the disk as the editor would (create, then edit), and tells the server. */
async function apply(client: TestClient, action: CodeAction): Promise<void> {
  for (const change of action.edit?.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create');
      const path = new URL(change.uri);
      writeFileSync(path, '');
      continue;
    }
    const edit = change;
    const path = new URL(edit.textDocument.uri);
    const before = TextDocument.create(edit.textDocument.uri, 'json', 0, readFileSync(path, 'utf8'));
    writeFileSync(path, TextDocument.applyEdits(before, edit.edits));
    const refreshes = client.refreshes;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: edit.textDocument.uri, type: 1 }] });
    await client.waitFor('workspace/diagnostic/refresh', () => client.refreshes > refreshes);
  }
}

test('no config file: the action creates one in the workspace folder; applied, it silences just that finding', async () => {
  await withWorkspace(async (dir, report) => {
    const client = await TestClient.start({ workspaceFolders: [dir] });
    try {
      const uri = pathToFileURL(report).href;
      await client.open(uri, sampleText(SAMPLE.s004));
      const totals = await itemTotals(client, uri);
      assert.equal(totals.length, 3);
      const actions = await client.codeActions(uri, totals[0].range, [totals[0]], ['quickfix']);
      assert.deepEqual(actions.map((a) => a.title), ['将总计改为 4（各部分之和）', TITLE, '查看规则「item-total」的说明']);
      const ignore = actions[1];
      assert.equal(ignore.kind, 'quickfix');
      assert.equal(ignore.isPreferred, false);
      assert.deepEqual(ignore.diagnostics, [totals[0]]);
      const config = pathToFileURL(join(dir, '.xxgkrc.json')).href;
      assert.deepEqual(ignore.edit, {
        documentChanges: [
          { kind: 'create', uri: config, options: { ignoreIfExists: true } },
          {
            textDocument: { uri: config, version: null },
            edits: [{
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              newText: '{\n  "ignore": [\n    { "rule": "item-total", "file": "reports/2019/report.txt", "row": "R3.7", "column": "natural" }\n  ]\n}\n',
            }],
          },
        ],
      });
      await apply(client, ignore);
      // The 自然人 total is silenced; the other two item-total findings stay.
      assert.deepEqual((await itemTotals(client, uri)).map((d) => d.range), totals.slice(1).map((d) => d.range));
      assert.equal((await client.reportInfo(uri))?.configFile, join(dir, '.xxgkrc.json'));
    } finally {
      await client.stop();
    }
  });
});

test('an existing config file: the entry is appended to `ignore`, the rest of the file kept as written', async () => {
  await withWorkspace(async (dir, report) => {
    const path = join(dir, 'reports', '.xxgkrc.json');
    const original = '{\r\n    "rules": { "cell-blank": "off" },\r\n    "ignore": [\r\n        { "rule": "balance", "file": "other.txt" }\r\n    ]\r\n}\r\n';
    writeFileSync(path, original);
    const client = await TestClient.start({ workspaceFolders: [dir] });
    try {
      const uri = pathToFileURL(report).href;
      await client.open(uri, sampleText(SAMPLE.s004));
      const totals = await itemTotals(client, uri);
      const actions = await client.codeActions(uri, totals[2].range, [totals[2]], ['quickfix']);
      const ignore = actions.find((a) => a.title === TITLE);
      assert.ok(ignore);
      const changes = ignore.edit?.documentChanges as TextDocumentEdit[];
      assert.equal(changes.length, 1, 'no file created');
      assert.deepEqual(changes[0].textDocument, { uri: pathToFileURL(path).href, version: null });
      await apply(client, ignore);
      // One insertion after the last entry, on a line of its own with its indent and CRLF: the rest as written.
      assert.equal(readFileSync(path, 'utf8'), original.replace(
        '{ "rule": "balance", "file": "other.txt" }',
        '{ "rule": "balance", "file": "other.txt" },\r\n        { "rule": "item-total", "file": "2019/report.txt", "row": "R3.7", "column": "total" }',
      ));
      const after = readFileSync(path, 'utf8');
      assert.deepEqual(JSON.parse(after), {
        rules: { 'cell-blank': 'off' },
        ignore: [{ rule: 'balance', file: 'other.txt' }, { rule: 'item-total', file: '2019/report.txt', row: 'R3.7', column: 'total' }],
      });
      assert.deepEqual((await itemTotals(client, uri)).map((d) => d.range), totals.slice(0, 2).map((d) => d.range));
    } finally {
      await client.stop();
    }
  });
});

test('an invalid config file is left alone: no ignore action', async () => {
  await withWorkspace(async (dir, report) => {
    writeFileSync(join(dir, 'reports', '2019', '.xxgkrc.json'), '{ "rules": ');
    const client = await TestClient.start({ workspaceFolders: [dir] });
    try {
      const uri = pathToFileURL(report).href;
      await client.open(uri, sampleText(SAMPLE.s004));
      const [total] = await itemTotals(client, uri);
      assert.deepEqual((await client.codeActions(uri, total.range, [total], ['quickfix'])).map((a) => a.title), ['将总计改为 4（各部分之和）', '查看规则「item-total」的说明']);
    } finally {
      await client.stop();
    }
  });
});

test('an untitled report is ignored by its name in the first folder’s config; a client that cannot create files gets no action', async () => {
  await withWorkspace(async (dir) => {
    const client = await TestClient.start({ workspaceFolders: [dir] });
    try {
      const uri = 'untitled:Untitled-1';
      await client.open(uri, sampleText(SAMPLE.s004));
      const [total] = await itemTotals(client, uri);
      const ignore = (await client.codeActions(uri, total.range, [total], ['quickfix'])).find((a) => a.title === TITLE);
      const fill = ignore?.edit?.documentChanges?.[1] as TextDocumentEdit;
      assert.deepEqual(JSON.parse(fill.edits[0].newText), { ignore: [{ rule: 'item-total', file: 'Untitled-1', row: 'R3.7', column: 'natural' }] });
    } finally {
      await client.stop();
    }
    const limited = await TestClient.start({ workspaceFolders: [dir], workspaceEdit: false });
    try {
      const uri = 'untitled:Untitled-1';
      await limited.open(uri, sampleText(SAMPLE.s004));
      const [total] = await itemTotals(limited, uri);
      assert.equal((await limited.codeActions(uri, total.range, [total], ['quickfix'])).some((a) => a.title === TITLE), false);
    } finally {
      await limited.stop();
    }
  });
});
