/**
 * fee-statement-missing (docs/format.md, "Fee statement"): from 2021 on, section 六 says whether the
 * 信息处理费 was charged. Copies of samples 000 (六: 本年度未收取信息处理费), 001 (六: 无), 002 (the
 * statement both in 一 and in 六), 003 (暂未开始收取相关费用) and 004 (2019: no such duty).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE, edit, expectNone, expectOne, findingsOf, sample, setCell } from '../support/prose';
import { ruleCases } from '../support/rule-tester';

const CODE = 'fee-statement-missing';
const s000 = sample(SAMPLE.s000);
const s001 = sample(SAMPLE.s001);
const s002 = sample(SAMPLE.s002);
const s003 = sample(SAMPLE.s003);
const s004 = sample(SAMPLE.s004);
const FEE_000 = ' 本年度未收取信息处理费。';
const SIX_002 = '1. 收取信息处理费情况。2023 年度我局未收取信息处理费。';

// ---- true cases --------------------------------------------------------------------------------

test('sample 001 (2021): 六 says only 无', () => {
  const f = expectOne(s001, CODE, '其他需要报告的事项', '六、', /2021.*信息处理费/);
  assert.equal(f.severity, 'warning');
});

test('sample 000 with 六 reduced to 无', () => {
  expectOne(edit(s000, FEE_000, ' 无。'), CODE, '其他需要报告的事项', '6、');
});

test('sample 003 with 六 saying something else', () => {
  expectOne(edit(s003, '依据《政府信息公开信息处理费管理办法》的规定，我单位暂未开始收取相关费用。', '无其他需要报告的事项。'), CODE, '其他需要报告的事项', '六、');
});

test('Table 1 行政事业性收费 is not the 信息处理费', () => {
  expectOne(edit(s000, FEE_000, ' 本年度行政事业性收费为0万元。'), CODE, '其他需要报告的事项', '6、');
});

test('fee notices in Table 2 (逾期未按收费通知缴纳费用 > 0) are named in the message', () => {
  let text = edit(s000, FEE_000, ' 无。');
  text = setCell(text, 'applications', 'R3.6.2', 'total', '1');
  const f = expectOne(text, CODE, '其他需要报告的事项', '6、', /1 件/);
  assert.equal(f.related.length, 1);
});

test('the statement only in 一 (sample 002 without its 六 item): information, pointing at 一', () => {
  const f = expectOne(edit(s002, SIX_002, '1. 无。'), CODE, '其他需要报告的事项', '六、', /第一部分/);
  assert.equal(f.severity, 'info');
  assert.match(f.related[0].message, /信息处理费/);
  assert.equal(f.related[0].range.start.line, 8);
});

// ---- near misses ---------------------------------------------------------------------------------

test('the samples that state it in 六 (000, 002, 003) and the 2019 report (004)', () => {
  for (const t of [s000, s002, s003, s004]) expectNone(t, CODE);
});

test('other wordings of the statement in 六', () => {
  for (const s of [' 信息处理费：无。', ' 本年度收取信息处理费0元。', ' 本机关没有收取任何费用。', ' 本年度共收取信息处理费120元。', ' 依申请公开工作中不收取信息处理费。']) {
    expectNone(edit(s000, FEE_000, s), CODE);
  }
});

test('a 2020 report has no fee duty', () => {
  expectNone(edit(edit(s001, '2021 年度政府信息公开 工作', '2020 年度政府信息公开 工作'), '统计期限自 2021', '统计期限自 2020'), CODE);
});

test('六 missing (section-missing says it) or empty under its heading: silent', () => {
  expectNone(edit(s000, '6、 其他需要报告的事项', ''), CODE);
  expectNone(edit(s000, FEE_000, ''), CODE);
});

test('the title of the item alone is not a statement', () => {
  assert.equal(findingsOf(edit(s002, SIX_002, '1. 收取信息处理费情况。'), CODE).length, 1);
});

test('the statement in other words: no fee charged, no fee arising, disclosure without charge', () => {
  for (const s of [' 政府信息公开未发生收费情况。', ' 本年度未收取任何费用。', ' 本年度没有收取信息处理费。', ' 信息处理费收取金额为0元。', ' 本年度未产生信息处理费。', ' 本机关未向申请人收费。']) {
    expectNone(edit(s000, FEE_000, s), CODE);
  }
});

test('a disclosure wording in 一 counts as the statement elsewhere; a bare "no charge" in 一 does not', () => {
  // Sample 002 states the fee in 一 and in 六; with 六's item gone, 一's statement is what is left.
  const withoutSix = edit(s002, SIX_002, '1. 无。');
  const one = findingsOf(withoutSix, CODE);
  assert.equal(one.length, 1);
  assert.equal(one[0].severity, 'info');
  // In 六, "政府信息公开未发生收费情况" is the statement itself.
  expectNone(edit(s002, SIX_002, '1. 政府信息公开未发生收费情况。'), CODE);
  // 行政事业性收费 (Table 1) is still not the fee, however it is worded.
  assert.equal(findingsOf(edit(s000, FEE_000, ' 本年度未发生行政事业性收费。'), CODE).length, 1);
});

// The same cases as above in the shape every rule's file has, for the registry's completeness check.
ruleCases(CODE, {
  valid: [s000, s002, s003, s004],
  invalid: [{ name: 'sample 001 (2021): 六 says only 无', text: s001, at: '其他需要报告的事项', after: '六、', message: /2021.*信息处理费/, severity: 'warning' }],
});
