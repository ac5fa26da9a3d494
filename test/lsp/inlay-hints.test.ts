/**
 * Inlay hints over stdio: in a table written one cell per line (000) every number gets its column
 * and row name; numbers wrapped onto the line after their label (003) get theirs; a table whose numbers sit
 * beside their labels (004) gets none; only the requested range is answered; `xxgk.inlayHints: false` turns
 * them off, and changing it asks the client to refresh its hints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InlayHint } from 'vscode-languageserver/node';
import { SAMPLE, sampleText, sampleUri, TestClient, r } from './support/client';

const WHOLE = r(0, 0, 100_000, 0);
const compact = (h: InlayHint) => [h.position.line, h.position.character, h.label];

test('one cell per line (000): each number of （七）总计 gets its row and column, before the number', async () => {
  const client = await TestClient.start();
  try {
    const uri = sampleUri(SAMPLE.s000);
    const text = sampleText(SAMPLE.s000);
    await client.open(uri, text);
    const hints = await client.inlayHints(uri, r(338, 0, 347, 0));
    assert.deepEqual(hints?.map(compact), [
      [340, 1, '（七）总计 · 自然人：'],
      [341, 1, '（七）总计 · 商业企业：'],
      [342, 1, '（七）总计 · 科研机构：'],
      [343, 1, '（七）总计 · 社会公益组织：'],
      [344, 1, '（七）总计 · 法律服务机构：'],
      [345, 1, '（七）总计 · 其他：'],
      [346, 1, '（七）总计 · 总计：'],
    ]);
    assert.ok(hints?.every((h) => h.kind === 2), 'parameter-like hints');
    // Over the whole text: every hint sits right before a number alone on its line, Table 1's included.
    const all = (await client.inlayHints(uri, WHOLE)) ?? [];
    const lines = text.split('\n');
    assert.ok(all.length >= 100, `${all.length} hints`);
    for (const h of all) assert.match(lines[h.position.line].slice(h.position.character), /^\d+\s*$/, JSON.stringify(h));
    assert.deepEqual(all.slice(0, 3).map(compact), [[36, 1, '规章 · 本年制发件数：'], [37, 1, '规章 · 本年废止件数：'], [38, 1, '规章 · 现行有效件数：']]);
  } finally {
    await client.stop();
  }
});

test('numbers wrapped onto the line after their label (003) get hints; numbers beside their labels (004) none', async () => {
  const client = await TestClient.start();
  try {
    const u003 = sampleUri(SAMPLE.s003);
    await client.open(u003, sampleText(SAMPLE.s003));
    // `三、本年度办理结果\t(一) 予以公开` on line 40, its numbers on line 41.
    assert.deepEqual((await client.inlayHints(u003, r(41, 0, 42, 0)))?.map(compact), [
      [41, 1, '（一）予以公开 · 自然人：'], [41, 3, '（一）予以公开 · 商业企业：'], [41, 5, '（一）予以公开 · 科研机构：'],
      [41, 7, '（一）予以公开 · 社会公益组织：'], [41, 9, '（一）予以公开 · 法律服务机构：'], [41, 11, '（一）予以公开 · 其他：'], [41, 13, '（一）予以公开 · 总计：'],
    ]);
    const u004 = sampleUri(SAMPLE.s004);
    await client.open(u004, sampleText(SAMPLE.s004));
    assert.deepEqual(await client.inlayHints(u004, WHOLE), []);
  } finally {
    await client.stop();
  }
});

test('xxgk.inlayHints false turns them off; a change of the setting asks the client to refresh its hints', async () => {
  let inlayHints = false;
  const client = await TestClient.start({ settings: () => ({ inlayHints }) });
  try {
    const uri = sampleUri(SAMPLE.s000);
    await client.open(uri, sampleText(SAMPLE.s000));
    assert.deepEqual(await client.inlayHints(uri, WHOLE), []);
    inlayHints = true;
    const before = client.inlayHintRefreshes;
    await client.changeConfiguration();
    await client.waitFor('workspace/inlayHint/refresh', () => client.inlayHintRefreshes > before);
    assert.ok(((await client.inlayHints(uri, WHOLE)) ?? []).length > 0);
  } finally {
    await client.stop();
  }
});
