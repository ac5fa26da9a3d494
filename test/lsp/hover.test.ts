/**
 * Hover over stdio: the exact Markdown on a cell of each table layout — pipes (004), TAB-separated
 * (003, 002), one cell per line (000) — with every identity the cell takes part in, ✓ or ✗ and the expected
 * value of a broken one; on a section heading, the official section, the format version and the year; nothing
 * elsewhere; and the hover follows the text as it changes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver/node';
import { SAMPLE, sampleText, sampleUri, TestClient, r } from './support/client';


let client: TestClient;
before(async () => {
  client = await TestClient.start({ locale: 'zh-CN' });
  for (const name of Object.values(SAMPLE)) await client.open(sampleUri(name), sampleText(name));
});
after(async () => {
  await client.stop();
});

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  const c = hover.contents;
  assert.ok(typeof c === 'object' && 'kind' in c && c.kind === 'markdown', 'Markdown contents');
  return c.value;
}

const ROW_TOTAL_0 = '- 行合计：总计 0 = 自然人 0 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 0 ✓';
const CONSISTENT_TOTAL_0 = [
  '**「（七）总计」行 ·「自然人」列：0**',
  '',
  '表格：收到和处理政府信息公开申请情况',
  '',
  ROW_TOTAL_0,
  '- 办理结果合计：（七）总计 0 = … = 0 ✓',
  '- 勾稽关系：一、本年新收政府信息公开申请数量 0 + 二、上年结转政府信息公开申请数量 0 = 0；（七）总计 0 + 四、结转下年度继续办理 0 = 0 ✓',
].join('\n');

test('pipes (004): the broken （七）总计 / 自然人 cell, its identities with values, ✓ / ✗ and the expected values', async () => {
  const hover = await client.hover(sampleUri(SAMPLE.s004), { line: 51, character: 8 });
  assert.equal(markdown(hover), [
    '**「（七）总计」行 ·「自然人」列：0**',
    '',
    '表格：收到和处理政府信息公开申请情况',
    '',
    ROW_TOTAL_0,
    '- 办理结果合计：（七）总计 0 = （一）予以公开 4 + … = 4 ✗ 此格应为 4',
    '- 勾稽关系：一、本年新收政府信息公开申请数量 4 + 二、上年结转政府信息公开申请数量 1 = 5；（七）总计 0 + 四、结转下年度继续办理 0 = 0 ✗ 「四、结转下年度继续办理 · 自然人」应为 1',
  ].join('\n'));
  assert.deepEqual(hover?.range, r(51, 8, 51, 9));
});

test('pipes (004): a part of a broken total names the blamed cell and its expected value', async () => {
  // `(一)予以公开 | 4 | …` on line 32: the 自然人 cell.
  const hover = await client.hover(sampleUri(SAMPLE.s004), { line: 32, character: 22 });
  assert.equal(markdown(hover), [
    '**「（一）予以公开」行 ·「自然人」列：4**',
    '',
    '表格：收到和处理政府信息公开申请情况',
    '',
    '- 行合计：总计 4 = 自然人 4 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 4 ✓',
    '- 办理结果合计：（七）总计 0 = （一）予以公开 4 + … = 4 ✗ 「（七）总计 · 自然人」应为 4',
  ].join('\n'));
});

test('TAB-separated (003 and 002): the （七）总计 / 自然人 cell, every identity holding', async () => {
  const h003 = await client.hover(sampleUri(SAMPLE.s003), { line: 64, character: 8 });
  assert.equal(markdown(h003), CONSISTENT_TOTAL_0);
  assert.deepEqual(h003?.range, r(64, 8, 64, 9));
  const h002 = await client.hover(sampleUri(SAMPLE.s002), { line: 63, character: 10 });
  assert.equal(markdown(h002), CONSISTENT_TOTAL_0);
  assert.deepEqual(h002?.range, r(63, 9, 63, 10), 'the end of a cell still hovers it');
});

test('one cell per line (000): the （七）总计 / 自然人 cell on a line of its own', async () => {
  const hover = await client.hover(sampleUri(SAMPLE.s000), { line: 340, character: 1 });
  assert.equal(markdown(hover), [
    '**「（七）总计」行 ·「自然人」列：1**',
    '',
    '表格：收到和处理政府信息公开申请情况',
    '',
    '- 行合计：总计 1 = 自然人 1 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 1 ✓',
    '- 办理结果合计：（七）总计 1 = （一）予以公开 1 + … = 1 ✓',
    '- 勾稽关系：一、本年新收政府信息公开申请数量 1 + 二、上年结转政府信息公开申请数量 0 = 1；（七）总计 1 + 四、结转下年度继续办理 0 = 1 ✓',
  ].join('\n'));
  assert.deepEqual(hover?.range, r(340, 1, 340, 2));
});

test('a cell of Table 1 takes part in no identity, and says so', async () => {
  // 000 line 36: `\t0`, the first number under `\t规章`, in the column 本年制发件数.
  const hover = await client.hover(sampleUri(SAMPLE.s000), { line: 36, character: 1 });
  assert.equal(markdown(hover), '**「规章」行 ·「本年制发件数」列：0**\n\n表格：主动公开政府信息情况\n\n此格没有可核对的勾稽关系');
});

test('a section heading: the official section, the format version read and the year', async () => {
  const h004 = await client.hover(sampleUri(SAMPLE.s004), { line: 26, character: 3 });
  assert.equal(markdown(h004), [
    '**第三部分：三、收到和处理政府信息公开申请情况**',
    '',
    '- 格式版本：2019 年版，国办公开办函〔2019〕60号 （《中华人民共和国政府信息公开工作年度报告格式（试行）》）',
    '- 报告年度：2019 年',
    '- 读作：“\\|”分隔的行',
  ].join('\n'));
  assert.deepEqual(h004?.range, r(26, 0, 26, 17));
  // 000 writes `1、 总体情况`: still the official section 一, read with the 2021 format, for 2022.
  const h000 = await client.hover(sampleUri(SAMPLE.s000), { line: 4, character: 4 });
  assert.equal(markdown(h000), [
    '**第一部分：一、总体情况**',
    '',
    '- 格式版本：2021 年版，国办公开办函〔2021〕30号 （修订后的《中华人民共和国政府信息公开工作年度报告格式》）',
    '- 报告年度：2022 年',
  ].join('\n'));
});

test('prose and row labels have no hover', async () => {
  assert.equal(await client.hover(sampleUri(SAMPLE.s004), { line: 2, character: 5 }), null);
  assert.equal(await client.hover(sampleUri(SAMPLE.s004), { line: 51, character: 2 }), null);
});

test('the hover follows the text: with （七）总计 / 自然人 corrected to 4 the outcome total holds', async () => {
  const uri = 'untitled:hover-edit';
  await client.open(uri, sampleText(SAMPLE.s004));
  await client.change(uri, 2, [{ range: r(51, 8, 51, 9), text: '4' }]);
  const value = markdown(await client.hover(uri, { line: 51, character: 8 }));
  assert.match(value, /^\*\*「（七）总计」行 ·「自然人」列：4\*\*/);
  assert.match(value, /\n- 办理结果合计：（七）总计 4 = （一）予以公开 4 \+ … = 4 ✓\n/);
  await client.close(uri);
});
