/**
 * Pull diagnostics over stdio against the bundled server: exact codes and ranges for every sample
 * (checked by hand against the sample text, and equal to `xxgk-check --format json`), the fields of a
 * diagnostic, resultId = version, incremental edits breaking then repairing a total, cancellation, and a
 * server that keeps serving after malformed requests.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { compact, docsHref, isTableOrStructure, ROOT, SAMPLE, SAMPLES, sampleText, sampleUri, TestClient, r } from './support/client';


/** Hand-checked against the text: see the comments for what sits at each range. */
const EXPECTED: Record<string, { code: string; range: ReturnType<typeof r> }[]> = {
  // `1、 总体情况` and `6、 其他需要报告的事项`: the numbering `1、` / `6、`.
  [SAMPLE.s000]: [
    { code: 'section-numbering', range: r(4, 0, 4, 2) },
    { code: 'section-numbering', range: r(408, 0, 408, 2) },
  ],
  // `三、本年度办\t（一）予以公开\t0…` has 6 numbers (label at 7–14); the table breaks off after the last 0 of
  // `\t（二）部分公开（区分处理的，只计这一情形，\t0…0` (char 33); section 四 is missing before `五、存在的主要问题及改进情况`.
  [SAMPLE.s001]: [
    { code: 'cell-missing', range: r(58, 7, 58, 14) },
    { code: 'report-truncated', range: r(59, 33, 59, 34) },
    { code: 'section-missing', range: r(61, 0, 61, 14) },
  ],
  [SAMPLE.s002]: [],
  [SAMPLE.s003]: [],
  // `8.属于行政查询事项 | 0 ×6 | |||`: the empty 总计 field at 37; `(七)总计 | 0 | …`: 自然人 at 8, 社会公益组织 at 20,
  // 总计 at 32; `四、结转下年度继续办理 | 0 | …`: 自然人 at 14, 总计 at 38.
  [SAMPLE.s004]: [
    { code: 'cell-blank', range: r(41, 37, 41, 37) },
    { code: 'item-total', range: r(51, 8, 51, 9) },
    { code: 'item-total', range: r(51, 20, 51, 21) },
    { code: 'item-total', range: r(51, 32, 51, 33) },
    { code: 'balance', range: r(52, 14, 52, 15) },
    { code: 'balance', range: r(52, 38, 52, 39) },
  ],
};

let client: TestClient;
before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

test('initialize announces incremental sync, pull diagnostics, quick fixes with fix-all, symbols and folding', () => {
  const caps = client.initializeResult.capabilities;
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
  assert.deepEqual(caps.diagnosticProvider, { identifier: 'xxgk-report', interFileDependencies: false, workspaceDiagnostics: false });
  assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.xxgk-report'] });
  assert.equal(caps.documentSymbolProvider, true);
  assert.equal(caps.foldingRangeProvider, true);
});

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`sample ${name}: pulled diagnostics have the hand-checked codes and ranges, as the CLI reports them`, async () => {
    const uri = sampleUri(name);
    await client.open(uri, sampleText(name));
    const items = await client.diagnostics(uri);
    assert.deepEqual(items.filter(isTableOrStructure).map(compact), expected);
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--format', 'json', join(SAMPLES, name)], { encoding: 'utf8' });
    const json = JSON.parse(cli.stdout) as { files: { diagnostics: { code: string; range: unknown; message: string }[] }[] };
    assert.deepEqual(
      items.map((d) => ({ code: d.code, range: d.range, message: d.message })),
      json.files[0].diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message })),
    );
    await client.close(uri);
  });
}

test('a diagnostic carries code, a docs link, source, severity, related cells and the version', async () => {
  const uri = sampleUri(SAMPLE.s004);
  await client.open(uri, sampleText(SAMPLE.s004), 7);
  const report = await client.pull(uri);
  assert.equal(report.kind, 'full');
  assert.equal(report.resultId, '7');
  const [blank, total] = report.items.filter(isTableOrStructure);
  assert.equal(blank.severity, 2, 'cell-blank is a warning');
  assert.deepEqual(total.codeDescription, { href: docsHref('item-total') });
  assert.match(total.codeDescription.href, /^file:\/\/.*\/docs\/rules\/item-total\.md$/);
  assert.equal(total.source, 'xxgk-report');
  assert.equal(total.severity, 1);
  assert.equal(total.message, '（七）总计的「自然人」应为 4，实为 0（各项办理结果之和：（一）予以公开 4 + … = 4）');
  assert.deepEqual(total.data, { version: 7 });
  assert.equal(total.relatedInformation?.length, 19, 'every outcome row of the 自然人 column');
  // `三、本年度办理结果 | (一)予以公开 | 4 | …`: the 4 at character 22.
  assert.deepEqual(total.relatedInformation?.[0], { location: { uri, range: r(32, 22, 32, 23) }, message: '（一）予以公开 · 自然人：4' });
  await client.close(uri);

  const infoUri = sampleUri(SAMPLE.s000);
  await client.open(infoUri, sampleText(SAMPLE.s000));
  assert.deepEqual((await client.diagnostics(infoUri)).filter(isTableOrStructure).map((d) => d.severity), [3, 3], 'info → Information');
  await client.close(infoUri);
});

test('resultId is the version: the same version again is unchanged, a new version is full', async () => {
  const uri = sampleUri(SAMPLE.s004);
  await client.open(uri, sampleText(SAMPLE.s004), 1);
  const first = await client.pull(uri);
  assert.equal(first.resultId, '1');
  assert.deepEqual(await client.pull(uri, '1'), { kind: 'unchanged', resultId: '1' });
  await client.change(uri, 2, [{ range: r(0, 0, 0, 0), text: ' ' }]);
  const second = await client.pull(uri, '1');
  assert.equal(second.kind, 'full');
  assert.equal(second.resultId, '2');
  await client.close(uri);
});

test('incremental edits: breaking R1 of Table 2 gives row-total and balance at the exact cells, repairing it clears them', async () => {
  const uri = sampleUri(SAMPLE.s003);
  const text = sampleText(SAMPLE.s003);
  // Line 38 is `一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0`: 自然人 at 17, 总计 at 29.
  assert.equal(text.split('\n')[38], '一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0');
  await client.open(uri, text, 1);
  assert.deepEqual((await client.diagnostics(uri)).filter(isTableOrStructure), []);

  await client.change(uri, 2, [{ range: r(38, 17, 38, 18), text: '5' }]);
  const broken = await client.pull(uri);
  assert.equal(broken.resultId, '2');
  assert.equal(broken.kind, 'full');
  // The 总计 of R1 (should be 5), and 自然人 of `四、结转下年度继续办理\t\t0…` (line 65, char 13) where 5 + 0 ≠ 0 + 0.
  assert.deepEqual(broken.items.filter(isTableOrStructure).map(compact), [
    { code: 'row-total', range: r(38, 29, 38, 30) },
    { code: 'balance', range: r(65, 13, 65, 14) },
  ]);
  assert.match(broken.items[0].message, /总计应为 5，实为 0/);

  await client.change(uri, 3, [{ range: r(38, 17, 38, 18), text: '0' }]);
  const repaired = await client.pull(uri);
  assert.equal(repaired.resultId, '3');
  assert.deepEqual(repaired.kind === 'full' ? repaired.items.filter(isTableOrStructure) : null, []);
  await client.close(uri);
});

test('several changes in one notification are applied in order', async () => {
  const uri = 'untitled:Untitled-incremental';
  await client.open(uri, sampleText(SAMPLE.s003), 1);
  // Insert a line at the top (everything moves down one line), then edit R1's 自然人 at its new place.
  await client.change(uri, 2, [
    { range: r(0, 0, 0, 0), text: '前言\n' },
    { range: r(39, 17, 39, 18), text: '5' },
  ]);
  assert.deepEqual((await client.diagnostics(uri)).filter(isTableOrStructure).map(compact), [
    { code: 'row-total', range: r(39, 29, 39, 30) },
    { code: 'balance', range: r(66, 13, 66, 14) },
  ]);
  await client.close(uri);
});

test('the engine runs once per version: diagnostics, symbols, folding, code actions and report info share one check', async () => {
  const uri = 'untitled:Untitled-once';
  await client.trace('messages');
  try {
    const runs = () => client.traces.filter((t) => t.startsWith(`checked ${uri} `));
    await client.open(uri, sampleText(SAMPLE.s004), 1);
    const items = await client.diagnostics(uri);
    await client.symbols(uri);
    await client.foldingRanges(uri);
    await client.codeActions(uri, items[0].range, [items[0]]);
    await client.reportInfo(uri);
    await client.pull(uri, '1');
    await client.waitFor('the trace of the check', () => runs().length >= 1);
    assert.equal(runs().length, 1, runs().join('\n'));
    assert.match(runs()[0], /^checked untitled:Untitled-once version 1 in \d+\.\d ms$/);
    await client.change(uri, 2, [{ range: r(0, 0, 0, 0), text: ' ' }]);
    await client.symbols(uri);
    await client.diagnostics(uri);
    await client.waitFor('the trace of the second check', () => runs().length >= 2);
    assert.deepEqual(runs().map((t) => t.split(' ')[3]), ['1', '2'], 'one run per version, whichever request comes first');
  } finally {
    await client.trace('off');
    await client.close(uri);
  }
});

test('a cancelled pull is answered RequestCancelled before parsing, and the next pull is served', async () => {
  const uri = sampleUri(SAMPLE.s002);
  await client.open(uri, sampleText(SAMPLE.s002), 1);
  const source = new CancellationTokenSource();
  const previous = client.settings;
  // The server asks for this document's settings first: answer only once the cancellation is on its way.
  client.settings = (scope) => {
    source.cancel();
    return Promise.resolve(previous(scope));
  };
  try {
    await assert.rejects(client.pull(uri, undefined, source), (e: { code?: number }) => e.code === -32800);
  } finally {
    client.settings = previous;
  }
  const next = await client.pull(uri);
  assert.equal(next.kind, 'full');
  assert.equal(next.resultId, '1');
  await client.close(uri);
});

test('documents not open get empty answers; a closed document is evicted', async () => {
  const uri = sampleUri(SAMPLE.s004);
  await client.open(uri, sampleText(SAMPLE.s004), 1);
  assert.equal((await client.diagnostics(uri)).filter(isTableOrStructure).length, 6);
  assert.equal((await client.reportInfo(uri))?.documentVersion, 1);
  await client.close(uri);
  assert.deepEqual(await client.diagnostics(uri), []);
  assert.equal(await client.reportInfo(uri), null);
  assert.deepEqual(await client.symbols(uri), []);
});

test('a malformed request is logged and answered empty; the server keeps serving', async () => {
  const uri = sampleUri(SAMPLE.s000);
  await client.open(uri, sampleText(SAMPLE.s000), 1);
  const logged = client.logs.length;
  const answer = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: r(0, 0, 0, 0) });
  assert.deepEqual(answer, []);
  await client.waitFor('an error log', () => client.logs.length > logged);
  const entry = client.logs[logged];
  assert.equal(entry.type, 1, 'logged as an error');
  assert.match(entry.message, /^\[code actions\] TypeError/);
  assert.equal((await client.diagnostics(uri)).filter(isTableOrStructure).length, 2);
  await client.close(uri);
});

test('xxgk/reportInfo gives the format version, year, title and counts of the cached check', async () => {
  const uri = sampleUri(SAMPLE.s004);
  await client.open(uri, sampleText(SAMPLE.s004), 3);
  const items = await client.diagnostics(uri);
  const count = (severity: number) => items.filter((d) => d.severity === severity).length;
  assert.deepEqual(await client.reportInfo(uri), {
    documentVersion: 3,
    formatVersion: { used: '2019', observed: '2019', expected: '2019' },
    year: 2019,
    title: '株洲市卫生健康委员会2019年度政府信息公开工作报告',
    counts: { error: count(1), warning: count(2), info: count(3), hint: count(4) },
    configFile: null,
  });
  assert.ok(count(1) >= 5 && count(2) >= 1, 'five broken totals, one blank cell');
  await client.close(uri);
});
