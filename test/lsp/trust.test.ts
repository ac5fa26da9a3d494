/**
 * Workspace trust and the "ignore in .xxgkrc.json" action over stdio: while the workspace is untrusted the
 * server reads no `.xxgkrc.json`, so it offers no edit to one either (an untrusted folder's files are not
 * written on its behalf); once the client says trust was granted, the action is offered, aimed at the folder's
 * existing config. A server initialised as trusted (trust granted before the client started) offers it at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocumentEdit } from 'vscode-languageserver/node';
import { SAMPLE, sampleText, TestClient } from './support/client';

const IGNORE = '在 .xxgkrc.json 中忽略此处的「item-total」';

async function withFolder(fn: (dir: string, uri: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-trust-action-'));
  try {
    const report = join(dir, 'report.txt');
    writeFileSync(report, sampleText(SAMPLE.s004));
    writeFileSync(join(dir, '.xxgkrc.json'), '{ "rules": { "cell-unit": "off" } }\n');
    await fn(dir, pathToFileURL(report).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function actionTitles(client: TestClient, uri: string): Promise<{ titles: string[]; ignoreTarget: string | undefined }> {
  const total = (await client.diagnostics(uri)).find((d) => d.code === 'item-total');
  assert.ok(total, 'sample 004 has an item-total finding');
  const actions = await client.codeActions(uri, total.range, [total], ['quickfix']);
  const ignore = actions.find((a) => a.title === IGNORE);
  const change = ignore?.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
  return { titles: actions.map((a) => a.title), ignoreTarget: change?.textDocument.uri };
}

test('untrusted: no ignore action (nothing would be written); after xxgk/trustGranted it is offered for the folder’s config', async () => {
  await withFolder(async (dir, uri) => {
    const client = await TestClient.start({ workspaceFolders: [dir], initializationOptions: { trusted: false } });
    try {
      await client.open(uri, sampleText(SAMPLE.s004));
      const untrusted = await actionTitles(client, uri);
      assert.deepEqual(untrusted.titles, ['将总计改为 4（各部分之和）', '查看规则「item-total」的说明']);

      const refreshes = client.refreshes;
      await client.connection.sendNotification('xxgk/trustGranted');
      await client.waitFor('workspace/diagnostic/refresh', () => client.refreshes > refreshes);
      const trusted = await actionTitles(client, uri);
      assert.deepEqual(trusted.titles, ['将总计改为 4（各部分之和）', IGNORE, '查看规则「item-total」的说明']);
      assert.equal(trusted.ignoreTarget, pathToFileURL(join(dir, '.xxgkrc.json')).href);
    } finally {
      await client.stop();
    }
  });
});

test('initialised as trusted (trust granted before the server started): the ignore action is there at once', async () => {
  await withFolder(async (dir, uri) => {
    const client = await TestClient.start({ workspaceFolders: [dir], initializationOptions: { trusted: true } });
    try {
      await client.open(uri, sampleText(SAMPLE.s004));
      const { titles } = await actionTitles(client, uri);
      assert.ok(titles.includes(IGNORE), titles.join(' | '));
    } finally {
      await client.stop();
    }
  });
});
