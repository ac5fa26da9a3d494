/**
 * text-table-mismatch (docs/format.md, "Prose against tables"): numbers the prose states about the report year against
 * the cells they describe. Synthetic reports are copies of sample 000 (2022, one application,
 * 予以公开 1, Table 1 行政许可 213 / 行政处罚 79) or 002 (2023, all zero), with one sentence changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/engine';
import { impliedCellValue } from '../../../server/src/engine/prose/cells';
import { SAMPLE, edit, expectNone, expectOne, sample, setCell } from '../support/prose';
import { ruleCases } from '../support/rule-tester';

const CODE = 'text-table-mismatch';
const s000 = sample(SAMPLE.s000);
const s002 = sample(SAMPLE.s002);
/** The sentence of sample 000 that states the year's applications. */
const APPLY = '收到申请1起，均已按程序予以处理答复。';
const say = (sentence: string, text = s000) => edit(text, APPLY, sentence);

test('the unchanged samples 000 and 002 agree with their tables', () => {
  expectNone(s000, CODE);
  expectNone(s002, CODE);
});

// ---- true cases --------------------------------------------------------------------------------

test('收到申请 N起 against 本年新收 · 总计', () => {
  const text = say('收到申请3起，均已按程序予以处理答复。');
  const f = expectOne(text, CODE, '3', '收到申请', /3.*1/);
  assert.equal(f.severity, 'warning');
  assert.equal(f.related.length, 1);
  assert.match(f.related[0].message, /本年新收.*总计.*1/);
  assert.deepEqual(f.target, { row: 'R1', column: 'total' });
});

test('full-width digits and Chinese numerals are read, the range is the number as written', () => {
  expectOne(say('收到申请３起，均已按程序予以处理答复。'), CODE, '３', '收到申请');
  expectOne(say('共收到政府信息公开申请两件，均已按程序予以处理答复。'), CODE, '两', '共收到');
  expectOne(say('收到3件政府信息公开申请，均已按程序予以处理答复。'), CODE, '3', '收到');
});

test('条 counts applications when the phrase names 申请 (sample 004 wording)', () => {
  expectOne(say('我局收到各类依申请公开信息申请4条，均已按时答复。'), CODE, '4', '信息申请');
});

test('outcomes: 予以公开, 不予公开 (sum of its eight rows), 结转下年度, 上年结转', () => {
  expectOne(say('收到申请1起，予以公开2件。'), CODE, '2', '予以公开', /2.*1/);
  const f = expectOne(say('收到申请1起，不予公开1件。'), CODE, '1', '不予公开', /1.*0/);
  assert.equal(f.related.length, 8, 'the eight 不予公开 rows');
  expectOne(say('收到申请1起，结转下年度继续办理1件。'), CODE, '1', '结转下年度');
  expectOne(say('上年结转政府信息公开申请2件，均已办结。'), CODE, '2', '上年结转');
});

test('未收到申请 while 本年新收 is 1', () => {
  const text = say('本年度未收到政府信息公开申请。');
  const f = expectOne(text, CODE, '未收到政府信息公开申请');
  assert.match(f.message, /「未收到政府信息公开申请」.*1/);
});

test('行政复议 N件 against 行政复议 · 总计; 行政诉讼 N件 against 直接起诉 + 复议后起诉', () => {
  expectOne(say('收到申请1起，因政府信息公开工作被申请行政复议1件。'), CODE, '1', '行政复议', /1.*0/);
  const f = expectOne(say('收到申请1起，因政府信息公开工作被提起行政诉讼2件。'), CODE, '2', '行政诉讼');
  assert.equal(f.related.length, 2, 'both 诉讼 totals');
});

test('未发生行政复议 while Table 3 has one; 均获维持 while one was corrected', () => {
  let text = setCell(s002, 'review', 'cases', 'review.corrected', '1');
  text = setCell(text, 'review', 'cases', 'review.total', '1');
  const none = edit(text, '未收取信息处理费。', '未收取信息处理费。本年度未发生因政府信息公开工作被申请行政复议的情况。');
  expectOne(none, CODE, '未发生因政府信息公开工作被申请行政复议');
  const upheld = edit(text, '未收取信息处理费。', '未收取信息处理费。因政府信息公开工作被申请行政复议1件，均获维持。');
  const f = expectOne(upheld, CODE, '均获维持', '', /结果纠正.*1/);
  assert.deepEqual(f.target, { row: 'cases', column: 'review.corrected' });
});

test('an outcome list in a sentence of its own, in a paragraph about applications', () => {
  expectOne(say('收到申请1起。办理结果：予以公开1件，部分公开1件。'), CODE, '1', '部分公开', /1.*0/);
});

test('Table 1: 作出行政处罚决定 N件 against 行政处罚 · 本年处理决定数量', () => {
  expectOne(say('收到申请1起。全年作出行政处罚决定80件。'), CODE, '80', '行政处罚', /80.*79/);
});

// ---- near misses ---------------------------------------------------------------------------------

test('another year in the sentence: silent (sample 002 wording, and 2021 in a 2022 report)', () => {
  expectNone(say('收到申请1起。2021年收到政府信息公开申请5件，均已办结。'), CODE);
  expectNone(say('收到申请1起，上年度收到申请3件。'), CODE);
  expectNone(edit(s002, '其余年份均未接收到申请', '其余年份均未接收到申请，当年予以公开1件'), CODE);
});

test('同比, 累计 and 含上年结转 figures: silent', () => {
  expectNone(say('收到申请1起，同比增加2件。'), CODE);
  expectNone(say('收到申请1起，累计收到申请20件。'), CODE);
  expectNone(say('收到申请2件（含上年结转1件），均已办结。'), CODE);
});

test('条 information items next to 件 applications: silent', () => {
  expectNone(say('收到申请1起，主动公开信息中予以公开12条。'), CODE);
  expectNone(say('收到申请1起。公开行政处罚信息47条。'), CODE);
});

test('percentages, dates and approximate figures: silent', () => {
  expectNone(say('收到申请1起，按时答复率100%。'), CODE);
  expectNone(say('自2022年1月1日起，收到申请1起，于3月2日予以公开。'), CODE);
  expectNone(say('收到申请十余件，均已按程序予以处理答复。'), CODE);
  expectNone(say('收到申请约3件，均已按程序予以处理答复。'), CODE);
});

test('subsets and other kinds of request: silent', () => {
  expectNone(say('收到申请1起，其中自然人申请1件，予以公开2件。'), CODE);
  expectNone(say('收到申请1起。收到人大代表建议6件、政协提案3件。'), CODE);
  expectNone(say('收到申请1起。受理行政许可申请300件。'), CODE);
  expectNone(say('收到申请1起。全年办理行政复议案件12件。'), CODE);
  expectNone(say('收到申请1起。作为复议机关，受理政府信息公开行政复议案件5件。'), CODE);
});

test('收到 that includes last year\'s applications, 申请人 and 结转 wordings: silent', () => {
  // R2 set to 2 so that only the 收到 figure (3 = 1 new + 2 carried over) could be misread.
  expectNone(say('本年度共收到政府信息公开申请3件，其中上年结转2件。', setCell(s000, 'applications', 'R2', 'total', '2')), CODE);
  expectNone(say('收到申请1起。本年度未收到申请人的补正材料。'), CODE);
  expectNone(say('收到申请1起，没有政府信息公开申请需要结转。'), CODE);
});

test('a table that could not be read: silent (sample 001 has no Table 3 and a cut Table 2)', () => {
  const s001 = sample(SAMPLE.s001);
  expectNone(edit(s001, '收到依申请公开申请事项0件。', '收到依申请公开申请事项0件，被申请行政复议1件，结转下年度1件。'), CODE);
});

// ---- wider sums and the implied value of a cell ------------------------------------------------------

test('收到申请 N件 where N = 一 + 二 (new plus carried over): a reading of the table, not a mismatch', () => {
  // Sample 000 with 上年结转 · 总计 set to 2: 一 1 + 二 2 = 3.
  const text = setCell(s000, 'applications', 'R2', 'total', '2');
  expectNone(say('收到申请3起，均已按程序予以处理答复。', text), CODE);
  // Neither 一 (1) nor 一 + 二 (3): still a mismatch with 一.
  expectOne(say('收到申请4起，均已按程序予以处理答复。', text), CODE, '4', '收到申请', /4.*1/);
});

test('予以公开 N件 where N = 予以公开 + 部分公开: not a mismatch; 部分公开 stated as that sum still is', () => {
  // Sample 000 with 部分公开 · 总计 set to 2: 予以公开 1 + 部分公开 2 = 3.
  const text = setCell(s000, 'applications', 'R3.2', 'total', '2');
  expectNone(say('收到申请1起，予以公开3件。', text), CODE);
  expectOne(say('收到申请1起，部分公开3件。', text), CODE, '3', '部分公开', /3.*2/);
});

test('impliedCellValue: the written value of a located cell, null when the cell is not a usable number', () => {
  const report = check(s000).report;
  // Sample 000: 本年新收 · 总计 1, 予以公开 · 总计 1, 上年结转 · 总计 0.
  assert.equal(impliedCellValue(report, 'applications', 'R1', 'total'), 1);
  assert.equal(impliedCellValue(report, 'applications', 'R3.1', 'total'), 1);
  assert.equal(impliedCellValue(report, 'applications', 'R2', 'total'), 0);
  assert.equal(impliedCellValue(report, 'applications', 'R9', 'total'), null);
  assert.equal(impliedCellValue(check(setCell(s000, 'applications', 'R1', 'total', '若干')).report, 'applications', 'R1', 'total'), null);
});

// The same cases as above in the shape every rule's file has, for the registry's completeness check.
ruleCases(CODE, {
  valid: [s000, s002],
  invalid: [{ name: '收到申请 3起 for a 总计 of 1', text: say('收到申请3起，均已按程序予以处理答复。'), at: '3', after: '收到申请', message: /3.*1/, severity: 'warning' }],
});
