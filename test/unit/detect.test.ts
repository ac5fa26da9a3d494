/** Plain text that reads as an annual report (server/src/files/identify.ts): every sample does, other text does not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readsAsAnnualReport } from '../../server/src/files/identify';

const SAMPLES = join(__dirname, '../../samples');

test('every sample reads as an annual report from its opening lines', () => {
  for (const name of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'))) {
    assert.equal(readsAsAnnualReport(readFileSync(join(SAMPLES, name), 'utf8')), true, name);
  }
});

test('a title naming 政府信息公开 and a yearly report is enough, after an agency line and a BOM', () => {
  assert.equal(readsAsAnnualReport('\uFEFF某某县人民政府办公室\n\n某某县2023年政府信息公开工作年度报告\n'), true);
  assert.equal(readsAsAnnualReport('株洲市卫生健康委员会2019年度政府信息公开工作报告\r\n正文'), true, '年度…报告 with words between');
});

test('without a title, two section headings are enough; one is not', () => {
  assert.equal(readsAsAnnualReport('一、总体情况\n今年……\n二、主动公开政府信息情况\n'), true);
  assert.equal(readsAsAnnualReport('1、 总体情况\n今年……\n（二）收到和处理政府信息公开申请情况\n'), true);
  assert.equal(readsAsAnnualReport('一、总体情况\n今年的工作总体情况良好。\n'), false);
});

test('other text does not read as a report', () => {
  assert.equal(readsAsAnnualReport(''), false);
  assert.equal(readsAsAnnualReport('会议纪要\n一、会议议题\n二、参会人员\n'), false);
  assert.equal(readsAsAnnualReport('关于政府信息公开工作的通知\n各单位：\n'), false, '政府信息公开 without a yearly report');
  // A long prose line mentioning the words is not a title, nor a heading.
  const prose = `${'今年我们认真做好政府信息公开工作，按照年度报告的要求，'.repeat(4)}\n一、这一行写到了总体情况和存在的主要问题，但它是正文而不是标题，因为它很长很长很长很长很长\n`;
  assert.equal(readsAsAnnualReport(prose), false);
  // Only the opening lines count: headings far down do not make a report.
  assert.equal(readsAsAnnualReport(`${'正文\n'.repeat(100)}一、总体情况\n二、主动公开政府信息情况\n`), false);
});
