/**
 * The report's section structure as a reviewer reads it: a narrative numbered like sections is one
 * section-structure finding and no cascade; fix-all never inserts or renumbers a section in it;
 * variant titles read as the official sections; an excerpt (a flipbook page) gets at most one note.
 * Fixtures in test/fixtures/structure/ are copies of samples 003 and 002 with their overview rewritten
 * (samples/ is never edited):
 * - narrative-numbered: 003's 一是…四是 as 一、强化组织领导 … 六、强化监督保障, no 一、总体情况 heading;
 * - narrative-misnumbered: the same with items that read as section titles (三、深化主动公开,
 *   四、规范依申请公开办理, 五、做好行政复议和行政诉讼应诉工作): renumbered and duplicated before;
 * - narrative-paragraphs: 002 with its （一）…（五） paragraphs under 一、总体情况 numbered 一、…五、.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, check, safeFixEdits } from '../../server/src/engine';
import { SAMPLE, sampleText } from '../support/samples';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/structure', `${name}.txt`), 'utf8');
const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);

for (const [name, first, last, restartLine] of [
  ['narrative-numbered', '一、强化组织领导', '六、强化监督保障', 31],
  ['narrative-misnumbered', '一、强化组织领导', '六、强化监督保障', 31],
  ['narrative-paragraphs', '一、主动公开情况', '五、监督保障情况', 19],
] as const) {
  test(`${name}: one section-structure finding, no section cascade, and fix-all changes nothing`, () => {
    const text = fixture(name);
    const r = check(text);
    assert.deepEqual(r.findings.map((f) => f.code), ['section-structure']);
    const f = r.findings[0];
    assert.equal(text.slice(f.span.start, f.span.end), first);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, new RegExp(`「${first}」至「${last}」.*第 ${restartLine} 行又从「二、主动公开政府信息情况」起`));
    assert.equal(f.related.length, 1);
    assert.equal(text.slice(f.related[0].span.start, f.related[0].span.end), '二、主动公开政府信息情况');
    assert.equal(f.related[0].range.start.line, restartLine - 1);
    // The narrative's headings are not sections: the tables are read under the real ones.
    assert.deepEqual(Object.keys(r.report.tables).sort(), ['active', 'applications', 'review']);
    assert.equal(r.report.sections.find((s) => s.no === 2)?.heading.line, restartLine - 1);
    assert.deepEqual(safeFixEdits(r.findings), []);
    assert.equal(applyEdits(text, safeFixEdits(r.findings)), text);
  });
}

test('narrative-misnumbered: the items that read as sections are neither renumbered nor offered a section', () => {
  const text = fixture('narrative-misnumbered');
  const r = check(text);
  assert.deepEqual(r.report.narrative?.dropped.map((h) => [h.line + 1, h.no]), [[15, 2], [19, 3], [23, 4]]);
  assert.deepEqual(r.report.sections.map((s) => [s.no, s.heading.line + 1]), [[2, 31], [3, 48], [4, 82], [5, 89], [6, 95]]);
  assert.equal(r.findings.some((f) => f.suggestions.length > 0), false);
});

test('the sample the fixtures come from has no such finding; numbered items inside 五 are no narrative run', () => {
  for (const s of [SAMPLE.s002, SAMPLE.s003]) assert.equal(check(sampleText(s)).report.narrative ?? null, null);
  const text = sampleText(SAMPLE.s002).replace('五、存在的主要问题及改进情况', '五、存在的主要问题及改进情况\n一、存在的问题\n二、改进措施\n三、下一步工作');
  const r = check(text);
  assert.equal(r.report.narrative ?? null, null);
  assert.equal(r.findings.filter((f) => f.code.startsWith('section-')).length, 0);
});

test('variant section titles read as the official sections, with no finding', () => {
  const base = sampleText(SAMPLE.s002);
  const text = base
    .replace('一、总体情况', '一、政府信息公开总体情况')
    .replace('五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及整改措施')
    .replace('六、其他需要报告的事项', '六、其他需要汇报事项');
  const r = check(text);
  assert.deepEqual(r.report.sections.map((s) => s.no), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(r.findings.map((f) => f.code), check(base).findings.map((f) => f.code));
  // Misnumbered, a variant title still gets the certain renumbering.
  const misnumbered = text.replace('六、其他需要汇报事项', '6、其他需要汇报事项');
  const f = check(misnumbered).findings.find((x) => x.code === 'section-numbering');
  assert.ok(f?.fix);
  assert.equal(applyEdits(misnumbered, f.fix.edits), text);
});

test('an excerpt of sample 002 (sections 三 and 四, no title): one info finding, no cascade', () => {
  const base = sampleText(SAMPLE.s002);
  const excerpt = base.slice(base.indexOf('三、收到和处理'), base.indexOf('五、存在'));
  const r = check(excerpt);
  assert.deepEqual(r.findings.map((f) => [f.code, f.severity]), [['section-missing', 'info']]);
  assert.equal(r.findings[0].range.start.line, 0);
  assert.match(r.findings[0].message, /第三至第四部分/);
});

test('a whole report whose headings lost their numbering marks entirely: one section-missing, no cascade', () => {
  // Every 一、…六、 heading written as （一）…: nothing reads as a section any more.
  const base = sampleText(SAMPLE.s002);
  const text = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']
    .reduce((t, h) => t.replace(`\n${h}`, `\n（${h[0]}）${h.slice(2)}`), base);
  const r = check(text);
  const sections = r.findings.filter((f) => f.code.startsWith('section-'));
  assert.deepEqual(sections.map((f) => [f.code, f.severity]), [['section-missing', 'error']]);
  assert.equal(text.slice(sections[0].span.start, sections[0].span.end), '海阳市卫生健康局 2023 年政府信息公开工作 年度报告');
  assert.equal(lineOf(text, '（一）总体情况'), 4);
});

test('sample 003 cut inside its last sentence: one report-truncated warning on the last line', () => {
  const base = sampleText(SAMPLE.s003);
  const whole = '依据《政府信息公开信息处理费管理办法》的规定，我单位暂未开始收取相关费用。';
  assert.ok(base.includes(whole));
  for (const [cut, tail] of [
    // The message quotes the last 12 characters of the line.
    ['依据《政府信息公开信息处理费管理办法》的规定，我单位暂未开始收取相', '定，我单位暂未开始收取相'],
    ['依据《政府信息公开信息处理费管理办法》的规定，我单位暂未开始收取相\ufffd', '，我单位暂未开始收取相\ufffd'],
  ]) {
    const text = base.replace(whole, cut);
    const found = check(text).findings.filter((f) => f.code === 'report-truncated');
    assert.equal(found.length, 1, cut);
    assert.equal(found[0].severity, 'warning');
    assert.equal(text.slice(found[0].span.start, found[0].span.end), cut);
    assert.ok(found[0].message.includes(`「${tail}」`), found[0].message);
  }
  // The sample as published ends on a full stop: nothing.
  assert.equal(check(base).findings.filter((f) => f.code === 'report-truncated').length, 0);
});

test('narrative-numbered with items numbered 一、二、 inside 五 as well: still one section-structure finding', () => {
  const text = fixture('narrative-numbered').replace('五、存在的主要问题及改进情况\n', '五、存在的主要问题及改进情况\n一、存在的问题\n二、改进措施\n');
  assert.ok(text.includes('\n一、存在的问题\n'));
  const r = check(text);
  assert.deepEqual(r.findings.map((f) => f.code), ['section-structure']);
  assert.deepEqual(r.report.sections.map((s) => s.no), [2, 3, 4, 5, 6]);
});
