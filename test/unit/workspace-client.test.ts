/**
 * The pure parts of the reviewer's desk in the client: the 「年报」 view's order and filter, the task
 * type's arguments, the `$xxgk-check` problem matcher against the compact format, and the comparison
 * view's messages (untrusted webview input) and page (strict CSP).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { visibleReports } from '../../client/src/workspace/order';
import { comparePage, parseCompareMessage } from '../../client/src/compare/page';
import { COMPARE_STRINGS } from '../../server/src/render/compare-strings';
import { COMPACT_LINE } from '../../server/src/cli/formats/compact';
import { compareReports, parseReport } from '../../server/src/engine';
import type { WorkspaceReport } from '../../server/src/protocol';
import { ROOT, SAMPLE, sampleText } from '../support/samples';

const report = (path: string, errors: number, warnings: number, status: WorkspaceReport['status'] = 'report'): WorkspaceReport =>
  ({ uri: `file:///w/${path}`, path, body: null, year: null, version: null, errors, warnings, status });

test('reports view: most errors first, then warnings, then path; by path; only with errors keeps unreadable files', () => {
  const list = [report('b.txt', 0, 2), report('a.txt', 3, 0), report('c.txt', 3, 1), report('d.txt', 0, 0), report('e.txt', 0, 0, 'unreadable')];
  assert.deepEqual(visibleReports(list, 'errors', false).map((r) => r.path), ['c.txt', 'a.txt', 'b.txt', 'd.txt', 'e.txt']);
  assert.deepEqual(visibleReports(list, 'path', false).map((r) => r.path), ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']);
  assert.deepEqual(visibleReports(list, 'errors', true).map((r) => r.path), ['c.txt', 'a.txt', 'e.txt']);
});

test('problem matcher: the manifest\'s pattern is the compact format\'s, and reads a compact line', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { problemMatchers: { name: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number } }[] } };
  const [matcher] = pkg.contributes.problemMatchers;
  assert.equal(matcher.name, 'xxgk-check');
  assert.equal(matcher.pattern.regexp, COMPACT_LINE.source);
  const m = new RegExp(matcher.pattern.regexp).exec('年报/甲:局 年度报告.txt:52:9: error item-total: （七）总计的「自然人」应为 4，实为 0')!;
  assert.deepEqual([m[matcher.pattern.file], m[matcher.pattern.line], m[matcher.pattern.column], m[matcher.pattern.severity], m[matcher.pattern.code]], ['年报/甲:局 年度报告.txt', '52', '9', 'error', 'item-total']);
  assert.equal(m[matcher.pattern.message], '（七）总计的「自然人」应为 4，实为 0');
});

test('comparison view: messages checked; the page allows only its nonce and marks cells with their report and range', () => {
  assert.deepEqual(parseCompareMessage({ type: 'reveal', side: 'previous', range: { start: { line: 3, character: 1 }, end: { line: 3, character: 4 } } }),
    { type: 'reveal', side: 'previous', range: { start: { line: 3, character: 1 }, end: { line: 3, character: 4 } } });
  for (const bad of [null, { type: 'reveal', side: 'other', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    { type: 'reveal', side: 'current', range: { start: { line: 2, character: 0 }, end: { line: 1, character: 0 } } },
    { type: 'reveal', side: 'current', range: { start: { line: -1, character: 0 }, end: { line: 1, character: 0 } } }]) {
    assert.equal(parseCompareMessage(bad), null, JSON.stringify(bad));
  }
  const text = sampleText(SAMPLE.s000);
  const comparison = compareReports(parseReport(text.replaceAll('2022', '2021').replace('\t213', '\t150')), parseReport(text));
  const html = comparePage({ comparison, files: { previous: 'a.txt', current: 'b.txt' }, strings: COMPARE_STRINGS['zh-CN'], nonce: 'N0nce', lang: 'zh-cn' });
  assert.match(html, /content="default-src &#39;none&#39;; style-src &#39;nonce-N0nce&#39;; script-src &#39;nonce-N0nce&#39;;"/);
  assert.equal([...html.matchAll(/<script/g)].length, 1);
  assert.match(html, /<script nonce="N0nce">/);
  assert.match(html, /<tr class="changed" data-id="active\.art20_5\.licensing\.decisions"><th scope="row"[^>]*>行政许可·本年处理决定数量<\/th><td class="num" data-side="previous" data-start-line="51" data-start-character="1" data-end-line="51" data-end-character="4"/);
});

test('task type: compact output for the problem matcher, extra args, paths (default the folder); a bad definition runs nothing', async () => {
  const { taskArguments } = await import('../../client/src/workspace/task-arguments');
  assert.deepEqual(taskArguments({ type: 'xxgk-check' }), ['--format', 'compact', '.']);
  assert.deepEqual(taskArguments({ type: 'xxgk-check', paths: ['年报/'], args: ['--rule', 'cell-blank=off'] }), ['--format', 'compact', '--rule', 'cell-blank=off', '年报/']);
  assert.equal(taskArguments({ type: 'xxgk-check', paths: 'x' }), null);
  assert.equal(taskArguments({ type: 'shell' }), null);
});
