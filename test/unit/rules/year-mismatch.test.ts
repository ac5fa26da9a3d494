/**
 * year-mismatch (docs/format.md, "Years"): title year, statistics period and the sentences that open with
 * the year they report on. Copies of samples 000 (2022), 001 (2021, with a statistics period),
 * 002 (2023, 除 2021 年… in passing) and 004 (2019, 截至2019年12月31日).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE, edit, expectNone, expectOne, findingsOf, sample } from '../support/prose';
import { ruleCases } from '../support/rule-tester';

const CODE = 'year-mismatch';
const s000 = sample(SAMPLE.s000);
const s001 = sample(SAMPLE.s001);
const s002 = sample(SAMPLE.s002);
const s004 = sample(SAMPLE.s004);

test('the five samples agree with themselves', () => {
  for (const name of Object.values(SAMPLE)) expectNone(sample(name), CODE);
});

// ---- true cases --------------------------------------------------------------------------------

test('a sentence opening with last year (a copied paragraph)', () => {
  const f = expectOne(edit(s000, '2022年，我局在局门户网站', '2021年，我局在局门户网站'), CODE, '2021', '', /2021.*2022/);
  assert.equal(f.severity, 'warning');
  assert.match(f.related[0].message, /2022/);
});

test('a sentence opening with the year and its subject, no comma (sample 001 wording)', () => {
  expectOne(edit(s001, '2021 年度我局公布政府信息', '2020 年度我局公布政府信息'), CODE, '2020', '', /2020.*2021/);
});

test('after a sub-heading sentence, and in section 六 (sample 002)', () => {
  expectOne(edit(s002, '（二）依申请公开情况。2023 年度', '（二）依申请公开情况。2022 年度'), CODE, '2022', '依申请公开情况');
  expectOne(edit(s002, '2023 年度我局未收取信息处理费', '2022 年度我局未收取信息处理费'), CODE, '2022', '收取信息处理费情况');
});

test('the end of the statistics period names another year', () => {
  const text = edit(s001, '至 2021 年 12 月 31 日止', '至 2020 年 12 月 31 日止');
  expectOne(text, CODE, '2020', '统计期限', /统计期限.*2020.*2021/);
});

test('the title is the odd one out: one finding on the title, not one per sentence', () => {
  const text = edit(s001, '平湖市卫生健康局 2021 年度政府信息公开', '平湖市卫生健康局 2022 年度政府信息公开');
  const f = expectOne(text, CODE, '2022', '', /标题年份 2022.*2021/);
  assert.ok(f.related.length >= 3, 'the period years and the sentences are related');
});

test('sample 004 (2019, comma after 年度) opening with 2018', () => {
  expectOne(edit(s004, '2019年度,株洲市', '2018年度,株洲市'), CODE, '2018', '');
});

// ---- near misses ---------------------------------------------------------------------------------

test('years in passing: 除 2021 年…外 (sample 002), 同比, 与上年相比, 工作要点', () => {
  expectNone(s002, CODE);
  expectNone(edit(s000, '2022年，我局在局门户网站', '与2021年同比，我局在局门户网站'), CODE);
  expectNone(edit(s000, '做好了2022年政务公开工作要点', '做好了2021年政务公开工作要点'), CODE);
});

test('plans for next year, and section 五', () => {
  expectNone(edit(s002, '改进措施：一是', '改进措施：2024年，我局将继续深化政务公开。一是'), CODE);
  expectNone(edit(s000, '2022年，卫健系统有关单位', '2021年，卫健系统有关单位'), CODE);
  expectNone(edit(s000, '2022年，我局在局门户网站', '2023年，我局将在局门户网站'), CODE);
});

test('history, ranges and dated events', () => {
  expectNone(edit(s000, '2022年，我局在局门户网站', '2021年，我局成立政务公开领导小组。2022年，我局在局门户网站'), CODE);
  expectNone(edit(s000, '2022年，我局在局门户网站', '2021年以来，我局在局门户网站'), CODE);
  expectNone(edit(s000, '2022年，我局在局门户网站', '2021年12月，我局在局门户网站'), CODE);
  expectNone(edit(s000, '2022年，我局在局门户网站', '2021—2022年，我局在局门户网站'), CODE);
});

test('截至 the last day of the year (sample 004), and a year two off (history rather than a copy)', () => {
  expectNone(s004, CODE);
  expectNone(edit(s000, '2022年，我局在局门户网站', '2020年，我局在局门户网站'), CODE);
});

test('no title year and no statistics period: nothing to compare with', () => {
  const text = edit(s000, '2022年政府信息公开工作年度报告', '政府信息公开工作年度报告');
  assert.deepEqual(findingsOf(text, CODE), []);
});

// The same cases as above in the shape every rule's file has, for the registry's completeness check.
ruleCases(CODE, {
  valid: Object.values(SAMPLE).map(sample),
  invalid: [{ name: 'sample 000 opening with the year before', text: edit(s000, '2022年，我局在局门户网站', '2021年，我局在局门户网站'), at: '2021', message: /2021.*2022/ }],
});
