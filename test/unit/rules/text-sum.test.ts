/**
 * text-sum (docs/format.md, "Sums in prose"): "共N条，其中a条、b条…" whose parts do not add up. Copies of samples
 * 000 (183 = 87 + 43 + 6 + 47), 001 (407 = 120 + 194 + 93, then 累计 2951) and 004 (5 = 4 + 1).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE, edit, expectNone, expectOne, sample } from '../support/prose';
import { ruleCases } from '../support/rule-tester';

const CODE = 'text-sum';
const s000 = sample(SAMPLE.s000);
const s001 = sample(SAMPLE.s001);
const s004 = sample(SAMPLE.s004);
const LIST = '主动公开政府信息 183 条，其中部门动态87条，政务公开43条，财务信息 6条，行政执法信息公示47条。';

test('the samples\' own sums hold (000, 001 with 累计 after the parts, 004 with 条 applications)', () => {
  expectNone(s000, CODE);
  expectNone(s001, CODE);
  expectNone(s004, CODE);
});

// ---- true cases --------------------------------------------------------------------------------

test('parts that exceed the total: the finding is on the total, the parts are related', () => {
  const f = expectOne(edit(s000, '部门动态87条', '部门动态97条'), CODE, '183', '主动公开政府信息', /193.*183/);
  assert.equal(f.severity, 'warning');
  assert.equal(f.related.length, 4);
  assert.match(f.related[0].message, /部门动态.*97/);
});

test('sample 001 with one part raised, 累计 still left out', () => {
  expectOne(edit(s001, '工作信息 120 条', '工作信息 220 条'), CODE, '407', '公布政府信息', /507.*407/);
});

test('sample 004: applications by channel adding up to more than received', () => {
  expectOne(edit(s004, '纸质邮件公开申请1条', '纸质邮件公开申请2条'), CODE, '5', '信息申请', /6.*5/);
});

test('a remainder part (其他) claims the parts are complete: short of the total is wrong too', () => {
  const text = edit(s000, LIST, '主动公开政府信息 183 条，其中部门动态87条，政务公开43条，其他信息50条。');
  expectOne(text, CODE, '183', '主动公开政府信息', /180.*183/);
});

test('Chinese numerals and full-width digits', () => {
  expectOne(edit(s000, LIST, '共发布信息十条，其中工作动态八条、通知公告五条。'), CODE, '十', '共发布信息');
  expectOne(edit(s000, LIST, '主动公开政府信息１８３条，其中部门动态１００条、政务公开９０条。'), CODE, '１８３', '主动公开政府信息');
});

// ---- near misses ---------------------------------------------------------------------------------

test('a partial list (no remainder part) may fall short of the total', () => {
  expectNone(edit(s000, LIST, '主动公开政府信息 183 条，其中部门动态87条，政务公开43条。'), CODE);
});

test('percentages and shares are not parts', () => {
  expectNone(edit(s000, LIST, '主动公开政府信息 183 条，其中部门动态占60%，政务公开占30%。'), CODE);
});

test('parts in another unit, approximate parts and 分别 lists are left alone', () => {
  expectNone(edit(s000, LIST, '主动公开政府信息 183 条，其中部门动态87件，政务公开143件。'), CODE);
  expectNone(edit(s000, LIST, '主动公开政府信息 183 条，其中部门动态100余条，政务公开90条。'), CODE);
  expectNone(edit(s000, LIST, '主动公开政府信息 183 条，其中部门动态和政务公开分别为100条、90条。'), CODE);
});

test('a comparison before 其中 is not a total', () => {
  expectNone(edit(s000, LIST, '主动公开政府信息同比增加20条，其中部门动态87条，政务公开43条。'), CODE);
});

test('a figure after the list that starts something else (累计, 均) is not a part', () => {
  expectNone(edit(s000, LIST, '主动公开政府信息 183 条，其中部门动态87条，政务公开96条，累计达到 2951 条。'), CODE);
  expectNone(edit(s004, '纸质邮件公开申请1条,', '纸质邮件公开申请1条,均在3个工作日内答复,'), CODE);
});

// The same cases as above in the shape every rule's file has, for the registry's completeness check.
ruleCases(CODE, {
  valid: [s000, s001, s004],
  invalid: [{ name: 'parts that exceed the total', text: edit(s000, '部门动态87条', '部门动态97条'), at: '183', after: '主动公开政府信息', message: /193.*183/, severity: 'warning' }],
});
