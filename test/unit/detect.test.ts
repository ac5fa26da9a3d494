/** Plain text that reads as an annual report (server/src/files/identify.ts): every sample does, other text does not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathMatchesFiles, readsAsAnnualReport, readsAsReportDocument } from '../../server/src/files/identify';

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

test('xxgk.files is matched with the one glob dialect: relative to the workspace folder, or as an absolute path', () => {
  const defaults = ['**/*年度报告*.txt', '**/*年报*.txt'];
  assert.equal(pathMatchesFiles({ relative: 'a/甲局2023年度报告.txt', absolute: '/w/a/甲局2023年度报告.txt' }, defaults), true);
  assert.equal(pathMatchesFiles({ absolute: '/tmp/乙局年报.txt' }, defaults), true, 'outside every folder');
  assert.equal(pathMatchesFiles({ relative: 'notes.txt', absolute: '/w/notes.txt' }, defaults), false);
  // A relative glob, which VS Code's languages.match did not apply to an absolute path; sets and negation.
  const custom = ['reports/20[12][0-9]/*.txt', '!reports/**/draft*.txt'];
  assert.equal(pathMatchesFiles({ relative: 'reports/2023/a.txt', absolute: '/w/reports/2023/a.txt' }, custom), true);
  assert.equal(pathMatchesFiles({ relative: 'reports/2023/draft-a.txt', absolute: '/w/reports/2023/draft-a.txt' }, custom), false);
  assert.equal(pathMatchesFiles({ relative: 'reports/1999/a.txt', absolute: '/w/reports/1999/a.txt' }, custom), false);
});

test('xxgk.detectByContent off: only a matching name switches plain text; the opening is then not even read', () => {
  const report = '某某区人民政府2023年政府信息公开工作年度报告\n一、总体情况\n';
  let reads = 0;
  const opening = () => {
    reads++;
    return report;
  };
  assert.equal(readsAsReportDocument({ byName: false, detectByContent: true, opening }), true);
  assert.equal(readsAsReportDocument({ byName: false, detectByContent: false, opening }), false);
  assert.equal(readsAsReportDocument({ byName: true, detectByContent: false, opening }), true);
  assert.equal(reads, 1);
  assert.equal(readsAsReportDocument({ byName: false, detectByContent: true, opening: () => '会议纪要\n' }), false);
});
