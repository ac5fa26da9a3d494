/**
 * Quick fixes over stdio: a safe fix is preferred and carries the engine's exact edit stamped with
 * the version; a suggestion is never preferred; fix-all holds only safe fixes; diagnostics of a stale version
 * get no actions; applying fix-all and pulling again leaves no fixable finding.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { compact, docsHref, SAMPLE, sampleText, sampleUri, TestClient, r } from './support/client';


let client: TestClient;
before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

function only(action: CodeAction): { version: number | null; uri: string; edits: TextEdit[] } {
  const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
  assert.equal(changes?.length, 1, 'one versioned document edit');
  return { uri: changes[0].textDocument.uri, version: changes[0].textDocument.version, edits: changes[0].edits };
}

async function openAndPull(name: string, version = 1, text = sampleText(name)): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = sampleUri(name);
  await client.open(uri, text, version);
  return { uri, diagnostics: await client.tableDiagnostics(uri) };
}

/**
 * Sample 004 with one more blank, whose value its row settles: （一）予以公开 | 4 | blank | 0 … | 4 (character 26 of
 * line 32, after the field's leading space): a certain 0. Sample 004's own blank, the 总计 of 8.属于行政查询事项, sits
 * in a broken column (（七）总计 0 against 5): its 0 is only a suggestion (issue 23).
 */
const S004_CERTAIN = sampleText(SAMPLE.s004).replace('(一)予以公开 | 4 | 0 |', '(一)予以公开 | 4 |  |');

test('a safe fix is a preferred quick fix with the engine’s exact edit, then "ignore", the docs action, then fix-all', async () => {
  const { uri, diagnostics } = await openAndPull(SAMPLE.s004, 4, S004_CERTAIN);
  const blank = diagnostics.find((d) => d.code === 'cell-blank')!;
  assert.deepEqual(blank.range, r(32, 26, 32, 26));
  const actions = await client.codeActions(uri, blank.range, [blank]);
  assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
    ['将空白单元格改为 0', 'quickfix', true],
    ['在 .xxgkrc.json 中忽略此处的「cell-blank」', 'quickfix', false],
    ['查看规则「cell-blank」的说明', 'quickfix', undefined],
    ['修复所有可安全修复的问题（1 处）', 'source.fixAll.xxgk-report', undefined],
  ]);
  assert.deepEqual(actions[0].diagnostics, [blank]);
  // 0 goes into the empty field at character 26, nothing else changes.
  assert.deepEqual(only(actions[0]), { uri, version: 4, edits: [{ range: r(32, 26, 32, 26), newText: '0' }] });
  assert.deepEqual(actions[2].command, { title: '查看规则「cell-blank」的说明', command: 'xxgk.openRuleDocs', arguments: [docsHref('cell-blank')] });
  await client.close(uri);
});

test('a blank whose value the identities do not settle: 0 is a suggestion, never preferred, not in fix-all', async () => {
  const { uri, diagnostics } = await openAndPull(SAMPLE.s004, 3, S004_CERTAIN);
  const blank = diagnostics.find((d) => d.code === 'cell-blank' && d.range.start.line === 41)!;
  const actions = await client.codeActions(uri, blank.range, [blank]);
  assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
    ['将空白单元格填为 0（表内勾稽关系不能确定此值，请核对）', 'quickfix', false],
    ['在 .xxgkrc.json 中忽略此处的「cell-blank」', 'quickfix', false],
    ['查看规则「cell-blank」的说明', 'quickfix', undefined],
    ['修复所有可安全修复的问题（1 处）', 'source.fixAll.xxgk-report', undefined],
  ]);
  assert.deepEqual(only(actions[0]), { uri, version: 3, edits: [{ range: r(41, 37, 41, 37), newText: '0' }] });
  // Fix-all writes the certain blank of line 32 only.
  assert.deepEqual(only(actions[3]).edits, [{ range: r(32, 26, 32, 26), newText: '0' }]);
  await client.close(uri);
});

test('a suggestion (set the total to the sum) is offered but never preferred', async () => {
  const { uri, diagnostics } = await openAndPull(SAMPLE.s004);
  const total = diagnostics.find((d) => d.code === 'item-total')!;
  assert.deepEqual(total.range, r(51, 8, 51, 9));
  const actions = await client.codeActions(uri, total.range, [total], ['quickfix']);
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
    ['将总计改为 4（各部分之和）', false],
    ['在 .xxgkrc.json 中忽略此处的「item-total」', false],
    ['查看规则「item-total」的说明', undefined],
  ]);
  assert.deepEqual(only(actions[0]), { uri, version: 1, edits: [{ range: r(51, 8, 51, 9), newText: '4' }] });
  await client.close(uri);
});

test('fix-all holds only the safe fixes of the cached version, never suggestions', async () => {
  const { uri } = await openAndPull(SAMPLE.s004, 2, S004_CERTAIN);
  const actions = await client.codeActions(uri, r(0, 0, 0, 0), [], ['source.fixAll']);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.xxgk-report');
  assert.equal(actions[0].title, '修复所有可安全修复的问题（1 处）');
  // The certain blank only: the five broken totals and the uncertain blank total have suggestions, which fix-all
  // leaves alone.
  assert.deepEqual(only(actions[0]), { uri, version: 2, edits: [{ range: r(32, 26, 32, 26), newText: '0' }] });
  // A request for quick fixes only gets no fix-all; a request for fix-all gets no quick fixes.
  assert.deepEqual(await client.codeActions(uri, r(0, 0, 0, 0), [], ['quickfix']), []);
  await client.close(uri);
});

test('applying fix-all (renumbering 1、 and 6、) as the editor would, then pulling, leaves no finding', async () => {
  const { uri, diagnostics } = await openAndPull(SAMPLE.s000);
  assert.deepEqual(diagnostics.map((d) => d.code), ['section-numbering', 'section-numbering']);
  const [fixAll] = await client.codeActions(uri, r(0, 0, 0, 0), [], ['source.fixAll.xxgk-report']);
  const { edits, version } = only(fixAll);
  assert.equal(version, 1);
  assert.deepEqual(edits, [
    { range: r(4, 0, 4, 2), newText: '一、' },
    { range: r(408, 0, 408, 2), newText: '六、' },
  ]);
  // The editor applies the edits and sends them as incremental changes, last first.
  const before = TextDocument.create(uri, 'xxgk-report', 1, sampleText(SAMPLE.s000));
  const expected = TextDocument.applyEdits(before, edits);
  await client.change(uri, 2, [...edits].reverse().map((e) => ({ range: e.range, text: e.newText })));
  assert.deepEqual(await client.tableDiagnostics(uri), []);
  // Only the two markers changed.
  assert.equal(expected.length, sampleText(SAMPLE.s000).length);
  assert.equal(expected.split('\n')[4], '一、 总体情况');
  await client.close(uri);
});

test('the missing section’s suggestion (never preferred) inserts its heading where it belongs, and the finding goes', async () => {
  const { uri, diagnostics } = await openAndPull(SAMPLE.s001);
  const missing = diagnostics.find((d) => d.code === 'section-missing')!;
  const [fix] = await client.codeActions(uri, missing.range, [missing]);
  // Inserting a section is a guess: offered, not preferred, so never applied by fix-all or on save.
  assert.equal(fix.isPreferred, false);
  const { edits } = only(fix);
  assert.equal(edits.length, 1);
  assert.deepEqual(edits[0].range, r(61, 0, 61, 0), 'inserted before `五、存在的主要问题及改进情况`');
  assert.ok(edits[0].newText.startsWith('四、政府信息公开行政复议、行政诉讼情况\n'), edits[0].newText);
  await client.change(uri, 2, [{ range: edits[0].range, text: edits[0].newText }]);
  const after = await client.tableDiagnostics(uri);
  assert.equal(after.filter((d) => d.code === 'section-missing').length, 0);
  // The truncated Table 2 is still reported, unmoved (it sits above the insertion).
  assert.deepEqual(after.filter((d) => d.code === 'report-truncated').map(compact), [{ code: 'report-truncated', range: r(59, 33, 59, 34) }]);
  await client.close(uri);
});

test('diagnostics of a stale version get no actions at all', async () => {
  const { uri, diagnostics } = await openAndPull(SAMPLE.s004, 1, S004_CERTAIN);
  const blank = diagnostics.find((d) => d.code === 'cell-blank')!;
  await client.change(uri, 2, [{ range: r(0, 0, 0, 0), text: '\n' }]);
  assert.deepEqual(await client.codeActions(uri, blank.range, [blank]), []);
  // With the diagnostics of the new version, the fix is there again, one line lower and stamped version 2.
  const fresh = (await client.tableDiagnostics(uri)).find((d) => d.code === 'cell-blank')!;
  assert.deepEqual(fresh.range, r(33, 26, 33, 26));
  const [fix] = await client.codeActions(uri, fresh.range, [fresh]);
  assert.deepEqual(only(fix), { uri, version: 2, edits: [{ range: r(33, 26, 33, 26), newText: '0' }] });
  await client.close(uri);
});

test('diagnostics of another source or not matching a finding get no quick fix', async () => {
  const { uri, diagnostics } = await openAndPull(SAMPLE.s004);
  const blank = diagnostics.find((d) => d.code === 'cell-blank')!;
  const foreign = { ...blank, source: 'other-linter' };
  const moved = { ...blank, range: r(41, 36, 41, 36) };
  assert.deepEqual(await client.codeActions(uri, blank.range, [foreign, moved], ['quickfix']), []);
  await client.close(uri);
});
