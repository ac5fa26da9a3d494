/** Behaviours settled in review of the engine's findings (each a case a reviewer raised). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, parseReport, safeFixEdits } from '../../server/src/engine';
import { buildReport } from './support/build-report';

const codes = (text: string, options = {}) => check(text, options).findings.map((f) => f.code);

test('a wrong leaf is reported on its row and on (七)总计, never on the carried-forward cells', () => {
  // （一）予以公开 自然人 3 instead of 2: its row total (4) and (七)总计 (3) no longer agree with it.
  const f = check(buildReport({ values: { 'R3.1': [3, 1, 0, 0, 0, 0, 3] } })).findings;
  assert.deepEqual(f.map((x) => x.code), ['row-total', 'item-total']);
  assert.match(f[1].message, /（七）总计的「自然人」应为 4，实为 3/);
});

test('a wrong row total does not also break the balance of its column', () => {
  assert.deepEqual(codes(buildReport({ values: { R1: [3, 1, 0, 0, 0, 0, 5] } })), ['row-total']);
});

test('balance suggests the carried-forward cell by name, not as a total', () => {
  const f = check(buildReport({ values: { R4: [2, 0, 0, 0, 0, 0, 2] } })).findings.filter((x) => x.code === 'balance');
  assert.equal(f[0].suggestions[0].title, '将「四、结转下年度继续办理」的「自然人」改为 1');
});

test('a blank total: one finding, and the safe fix writes the sum of its parts', () => {
  const text = buildReport({ values: { R1: [3, 1, 0, 0, 0, 0, '/'] } });
  const f = check(text).findings;
  assert.deepEqual(f.map((x) => x.code), ['cell-blank']);
  assert.equal(f[0].fix?.title, '将空白总计填为各部分之和 4');
  const fixed = applyEdits(text, safeFixEdits(f));
  assert.equal(fixed, buildReport());
  assert.deepEqual(codes(fixed), []);
});

test('a word where a number belongs is cell-not-number in its column', () => {
  const f = check(buildReport({ values: { R2: ['若干', 0, 0, 0, 0, 0, 1] } })).findings;
  assert.deepEqual(f.map((x) => [x.code, x.message]), [['cell-not-number', '「二、上年结转政府信息公开申请数量」的「自然人」应为数字，实为「若干」']]);
});

test('sentences above or below a table are not read as rows', () => {
  const text = buildReport().replace('三、收到和处理政府信息公开申请情况\n', '三、收到和处理政府信息公开申请情况\n申请均已按期办结，无结转下年度办理的申请。\n本年度共收到政府信息公开申请4件，上年结转1件。\n');
  assert.deepEqual(codes(text).filter((c) => !c.startsWith('text-')), []);
});

test('rows missing at the end of a table followed by the next section are missing rows, not a truncation', () => {
  const text = buildReport().replace('行政强制\t0\n', '').replace(/第二十条第（八）项[^]*?行政事业性收费\t0\n/, '');
  assert.deepEqual(codes(text), ['row-missing', 'row-missing']);
});

test('a report for 2018 gets one information finding and nothing else', () => {
  const f = check(buildReport({ year: 2018 }).replace('某某市卫生健康委员会', '')).findings;
  assert.deepEqual(f.map((x) => [x.code, x.severity]), [['version-mismatch', 'info']]);
});

test('title forms that name the year', () => {
  for (const title of ['某某市卫生健康局2023年政务公开工作年度报告', '某某市卫生健康局关于2023年度政府信息公开工作情况的报告']) {
    assert.equal(parseReport(buildReport().replace('2023年政府信息公开工作年度报告', title)).year?.value, 2023, title);
  }
});

test('setting a rule to its default severity keeps the lowering its findings carry', () => {
  const text = buildReport({ version: '2021', year: 2019 });
  assert.deepEqual(check(text).findings.map((f) => f.severity), ['info']);
  assert.deepEqual(check(text, { rules: { 'version-mismatch': 'error' } }).findings.map((f) => f.severity), ['info']);
  assert.deepEqual(check(text, { rules: { 'version-mismatch': 'warning' } }).findings.map((f) => f.severity), ['warning']);
});

test('a cell message quotes the cell as written, not folded', () => {
  const f = check(buildReport().replace('2.重复申请\t0', '2.重复申请\t—')).findings;
  assert.match(f[0].message, /为空（—）/);
});

test('a text over the size cap gets one finding and is not parsed; 1 MB is still checked', () => {
  const big = buildReport().repeat(Math.ceil((2.1 * 1024 * 1024) / Buffer.byteLength(buildReport())));
  const r = check(big);
  assert.deepEqual(r.findings.map((f) => [f.code, f.severity]), [['report-too-large', 'error']]);
  assert.equal(r.report.sections.length, 0);
  const oneMb = buildReport().repeat(Math.floor((1024 * 1024) / Buffer.byteLength(buildReport())));
  assert.equal(check(oneMb).report.content, 'text');
});
