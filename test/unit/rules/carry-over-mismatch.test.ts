/**
 * carry-over-mismatch (docs/format.md, "Carry-over"): this year's 上年结转 against last year's 结转下年度继续办理
 * of the same body. Last year's report is sample 004 (株洲市卫生健康委员会 2019, R4 all 0); this
 * year's is a copy of it retitled 2020, whose R2 reads 1 (自然人) and 1 (总计).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyKey, check, parseReport, type PreviousReport, type SeveritySetting } from '../../../server/src/engine';
import { checkCarryOver } from '../../../server/src/engine/rules/carry-over-mismatch';
import { SAMPLE, edit, sample, setCell } from '../support/prose';
import { ruleCases } from '../support/rule-tester';

const previousText = sample(SAMPLE.s004);
const PREV_URI = 'file:///reports/2019.txt';
const current2020 = edit(previousText, '株洲市卫生健康委员会2019年度', '株洲市卫生健康委员会2020年度');

/** The carry-over findings of a check of `text` given last year's report. */
const carryOverFindings = (text: string, previous: PreviousReport | undefined, rules?: Record<string, SeveritySetting>, locale?: string) =>
  check(text, { previous, rules, locale }).findings.filter((f) => f.code === 'carry-over-mismatch');

test('R2 differing from last year\'s R4: one finding per column, on this year\'s cell, related in the other file', () => {
  const found = carryOverFindings(current2020, { text: previousText, uri: PREV_URI }, undefined);
  assert.deepEqual(found.map((f) => [f.code, f.severity, f.target?.column]), [
    ['carry-over-mismatch', 'info', 'natural'], ['carry-over-mismatch', 'info', 'total'],
  ]);
  const f = found[1];
  assert.equal(current2020.slice(f.span.start, f.span.end), '1');
  assert.equal(f.range.start.line, 31);
  assert.match(f.message, /上年结转.*总计.*1.*2019.*2019\.txt.*0/);
  const rel = f.related[0] as (typeof f.related)[number] & { uri: string };
  assert.equal(rel.uri, PREV_URI);
  assert.equal(previousText.slice(rel.span.start, rel.span.end), '0');
  assert.equal(rel.range.start.line, 52, 'last year\'s R4 line');
  assert.match(rel.message, /结转下年度继续办理.*总计.*0/);
});

test('English messages, and severity settings by code', () => {
  const en = carryOverFindings(current2020, { text: previousText, uri: PREV_URI, label: 'last year' }, undefined, 'en');
  assert.match(en[0].message, /Carried over.*last year/);
  assert.equal(carryOverFindings(current2020, { text: previousText, uri: PREV_URI }, { 'carry-over-mismatch': 'warning' })[0].severity, 'warning');
  assert.deepEqual(carryOverFindings(current2020, { text: previousText, uri: PREV_URI }, { 'carry-over-mismatch': 'off' }), []);
});

test('matching columns give nothing', () => {
  let text = setCell(current2020, 'applications', 'R2', 'natural', '0');
  text = setCell(text, 'applications', 'R2', 'total', '0');
  assert.deepEqual(checkCarryOver(parseReport(text), parseReport(previousText), { uri: PREV_URI }), []);
});

test('not the year before, another body, no previous report, or no R4 to read: nothing', () => {
  const prev = parseReport(previousText);
  assert.deepEqual(checkCarryOver(parseReport(previousText), prev, { uri: PREV_URI }), [], 'same year');
  const later = edit(previousText, '株洲市卫生健康委员会2019年度', '株洲市卫生健康委员会2021年度');
  assert.deepEqual(checkCarryOver(parseReport(later), prev, { uri: PREV_URI }), [], 'two years apart');
  const other = edit(previousText, '株洲市卫生健康委员会2019年度', '湘潭县卫生健康局2020年度');
  assert.deepEqual(checkCarryOver(parseReport(other), prev, { uri: PREV_URI }), [], 'another body');
  assert.deepEqual(carryOverFindings(current2020, undefined), []);
  // Sample 001 (2021) after a 2020 report whose Table 2 is cut before R4.
  const cut = edit(sample(SAMPLE.s001), '平湖市卫生健康局 2021 年度', '平湖市卫生健康局 2020 年度');
  assert.deepEqual(checkCarryOver(parseReport(sample(SAMPLE.s001)), parseReport(cut), { uri: PREV_URI }), []);
});

test('the rule in RULES is silent on one report alone', () => {
  assert.deepEqual(check(current2020).findings.filter((f) => f.code === 'carry-over-mismatch'), []);
});

test('the body is read from the title, or from the line above a title without one (sample 000)', () => {
  assert.equal(bodyKey(parseReport(previousText)), '株洲市卫生健康委员会');
  assert.equal(bodyKey(parseReport(sample(SAMPLE.s000))), '湘潭县卫生健康局');
});

// The same cases as above in the shape every rule's file has, for the registry's completeness check.
ruleCases('carry-over-mismatch', {
  valid: [
    current2020,
    { text: setCell(setCell(current2020, 'applications', 'R2', 'natural', '0'), 'applications', 'R2', 'total', '0'), options: { previous: { text: previousText, uri: PREV_URI } } },
  ],
  invalid: [{
    name: 'R2 自然人 and 总计 1 after last year\'s R4 of 0', text: current2020, options: { previous: { text: previousText, uri: PREV_URI } },
    at: '1', after: '二、上年结转政府信息公开申请数量 | ', count: 2, severity: 'info', message: /上年结转.*自然人.*1.*2019.*0/,
  }],
});
