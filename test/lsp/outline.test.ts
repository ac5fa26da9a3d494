/**
 * Outline and folding over stdio: the title holds the six sections with ranges covering each
 * section and selection ranges on the heading text; tables sit in their section with their row groups;
 * folding ranges cover sections, tables and groups, one per start line.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { SAMPLE, sampleText, sampleUri, TestClient, r } from './support/client';

const SymbolKind = { File: 1, Module: 2, Namespace: 3, Field: 8, String: 15, Struct: 23 } as const;

let client: TestClient;
before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

const names = (symbols: readonly DocumentSymbol[] | undefined) => (symbols ?? []).map((s) => s.name);

test('sample 004: the title holds the six sections, each ranging over its lines, selected on its heading', async () => {
  const uri = sampleUri(SAMPLE.s004);
  await client.open(uri, sampleText(SAMPLE.s004));
  const symbols = await client.symbols(uri);
  assert.equal(symbols.length, 1);
  const [title] = symbols;
  assert.equal(title.name, '株洲市卫生健康委员会2019年度政府信息公开工作报告');
  assert.equal(title.kind, SymbolKind.File);
  assert.deepEqual(title.selectionRange, r(0, 0, 0, 26));
  assert.deepEqual(title.range, r(0, 0, 62, 1), 'to the last character, `无` on line 62');
  // Ends: line 6 is 233 characters long, 25 ends `| 0 | 0 | ||` at 19, 52 at 44, 57 at 59, 60 at 228, 62 (`无`) at 1.
  assert.deepEqual(title.children?.map((s) => ({ name: s.name, kind: s.kind, range: s.range, selectionRange: s.selectionRange })), [
    { name: '一、政府信息公开总体情况', kind: SymbolKind.Module, range: r(1, 0, 6, 233), selectionRange: r(1, 0, 1, 12) },
    { name: '二、主动公开政府信息情况', kind: SymbolKind.Module, range: r(7, 0, 25, 19), selectionRange: r(7, 0, 7, 12) },
    { name: '三、收到和处理政府信息公开申请情况', kind: SymbolKind.Module, range: r(26, 0, 52, 44), selectionRange: r(26, 0, 26, 17) },
    { name: '四、政府信息公开行政复议、行政诉讼情况', kind: SymbolKind.Module, range: r(53, 0, 57, 59), selectionRange: r(53, 0, 53, 19) },
    { name: '五、存在的主要问题及改进情况', kind: SymbolKind.Module, range: r(58, 0, 60, 228), selectionRange: r(58, 0, 58, 14) },
    { name: '六、其他需要报告的事项', kind: SymbolKind.Module, range: r(61, 0, 62, 1), selectionRange: r(61, 0, 61, 11) },
  ]);
  await client.close(uri);
});

test('sample 004: Table 2 sits in section 三 with its rows and nested row groups', async () => {
  const uri = sampleUri(SAMPLE.s004);
  await client.open(uri, sampleText(SAMPLE.s004));
  const section3 = (await client.symbols(uri))[0].children![2];
  assert.equal(section3.children?.length, 1);
  const [table] = section3.children;
  assert.equal(table.name, '收到和处理政府信息公开申请情况');
  assert.equal(table.kind, SymbolKind.Struct);
  // From the corner note on line 27 to the 总计 cell of `四、结转下年度继续办理` (line 52, ending at 39).
  assert.deepEqual(table.range, r(27, 0, 52, 39));
  assert.deepEqual(names(table.children), ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '四、结转下年度继续办理']);
  const outcomes = table.children![2];
  assert.equal(outcomes.kind, SymbolKind.Namespace);
  assert.deepEqual(outcomes.selectionRange, r(32, 0, 32, 9), '`三、本年度办理结果` as written on line 32');
  assert.deepEqual(outcomes.range, r(32, 0, 51, 33), 'down to the 总计 of (七)总计');
  assert.deepEqual(names(outcomes.children), ['（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理', '（七）总计']);
  const withheld = outcomes.children![2];
  assert.deepEqual(withheld.range, r(34, 0, 41, 37));
  assert.equal(withheld.children?.length, 8);
  assert.deepEqual(withheld.children[0].selectionRange, r(34, 10, 34, 18), '`1.属于国家秘密` after `(三)不予公开 | `');
  assert.equal(withheld.children[0].kind, SymbolKind.Field);
  await client.close(uri);
});

test('sample 004: Table 1 is grouped by its 第二十条 blocks', async () => {
  const uri = sampleUri(SAMPLE.s004);
  await client.open(uri, sampleText(SAMPLE.s004));
  const [table] = (await client.symbols(uri))[0].children![1].children!;
  assert.equal(table.name, '主动公开政府信息情况');
  assert.deepEqual(table.children?.map((g) => [g.name, g.range.start.line, g.range.end.line, names(g.children)]), [
    ['第二十条第（一）项', 8, 11, ['规章', '规范性文件']],
    ['第二十条第（五）项', 12, 15, ['行政许可', '其他对外管理服务事项']],
    ['第二十条第（六）项', 16, 19, ['行政处罚', '行政强制']],
    ['第二十条第（八）项', 20, 22, ['行政事业性收费']],
    ['第二十条第（九）项', 23, 25, ['政府集中采购']],
  ]);
  await client.close(uri);
});

test('sample 000: sub-headings of sections 一 and 五 as written, each up to the next one', async () => {
  const uri = sampleUri(SAMPLE.s000);
  await client.open(uri, sampleText(SAMPLE.s000));
  const [title] = await client.symbols(uri);
  assert.equal(title.name, '2022年政府信息公开工作年度报告');
  assert.deepEqual(title.range.start, { line: 3, character: 0 }, 'the title is on line 3, after the agency name');
  assert.deepEqual(names(title.children), ['1、 总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '6、 其他需要报告的事项']);
  const subs = title.children![0].children!;
  assert.deepEqual(names(subs), ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）平台建设', '（五）监督保障', '（6） 深化政务公开']);
  assert.ok(subs.every((s) => s.kind === SymbolKind.String));
  assert.deepEqual(subs[1].range, r(10, 0, 12, 68), 'from `（二）依申请公开` to the end of its paragraph');
  assert.deepEqual(subs[1].selectionRange, r(10, 0, 10, 8));
  assert.deepEqual(names(title.children![4].children), ['（一）存在的主要问题', '（二）改进措施']);
  await client.close(uri);
});

test('sample 004: folding ranges for sections, tables and row groups, one per start line', async () => {
  const uri = sampleUri(SAMPLE.s004);
  await client.open(uri, sampleText(SAMPLE.s004));
  const folds = await client.foldingRanges(uri);
  assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [
    [1, 6], // 一
    [7, 25], // 二
    [8, 25], // Table 1 (its first block 第二十条第(一)项 starts on the same line)
    [12, 15], [16, 19], [20, 22], [23, 25], // the other blocks
    [26, 52], // 三
    [27, 52], // Table 2
    [32, 51], // 三、本年度办理结果
    [34, 41], [42, 44], [45, 49], // （三）（四）（五）
    [53, 57], // 四
    [54, 57], // Table 3
    [58, 60], // 五
    [61, 62], // 六
  ]);
  assert.ok(folds.every((f) => f.kind === 'region'));
  await client.close(uri);
});

test('a document that is not a report has an empty outline', async () => {
  const uri = 'untitled:Untitled-notes';
  await client.open(uri, '随便写的几行字\n没有标题');
  assert.deepEqual(await client.symbols(uri), []);
  assert.deepEqual(await client.foldingRanges(uri), []);
  await client.close(uri);
});
