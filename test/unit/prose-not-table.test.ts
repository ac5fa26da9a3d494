/**
 * Prose is not a table: a sentence that gives a table's figures in words is a statement for the prose rules.
 * No row, header or version marker is read from it, so no version-mismatch comes from a sentence. A real
 * table in the other version's shape still is one (the control).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine';
import { isProseField } from '../../server/src/engine/parse/fields';
import { SAMPLE, sampleText } from '../support/samples';

// A flipbook page of a 2021 report (no title): its 二 gives Table 1's figures in a sentence that names
// 其他对外管理服务事项, a 2019 row label.
const SENTENCE = '2021年，全年共公开10条信息，全年共制定0条行政规范性文件，办理行政许可0件，其他对外管理服务事项0件，行政处罚0件，行政强制0件，行政事业性收费项目0项。';
const FRAGMENT = `二、主动公开政府信息情况\n\n${SENTENCE}\n\n三、收到和处理政府信息公开申请情况\n\n2021年全年共收到政府信息公开申请0件。\n`;

test('a fragment whose 二 gives the figures in a sentence: no version-mismatch, no marker, no table read from it', () => {
  const r = check(FRAGMENT);
  assert.deepEqual(r.findings.filter((f) => f.code === 'version-mismatch'), []);
  assert.deepEqual(r.report.version.markers, { '2019': [], '2021': [] });
  assert.equal(r.report.version.observed, null);
  assert.equal(r.report.tables.active, undefined);
  // The year read from the fragment is 2021, so the template used is 2021's.
  assert.equal(r.report.template.version, '2021');
});

test('the same sentence as a lead paragraph above a 2021 table: a statement for the prose rules, no table finding', () => {
  const base = sampleText(SAMPLE.s003);
  const text = base.replace('二、主动公开政府信息情况\n', `二、主动公开政府信息情况\n\n${SENTENCE.replace('2021年，', '')}\n`);
  assert.notEqual(text, base);
  const codes = check(text).findings.map((f) => f.code);
  assert.deepEqual(codes.filter((c) => !c.startsWith('text-')), check(base).findings.map((f) => f.code));
  // The prose rules compare it with the table: 行政许可0件 against 957, 行政处罚0件 against 54.
  assert.deepEqual(codes.filter((c) => c.startsWith('text-')), ['text-table-mismatch', 'text-table-mismatch']);
});

test('control: a 2019 table header in a 2021 report is still a version-mismatch', () => {
  const text = sampleText(SAMPLE.s003).replace('信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量');
  const f = check(text).findings.filter((x) => x.code === 'version-mismatch');
  assert.equal(f.length, 1);
});

test('isProseField: a sentence or a comma clause is prose; a header with a bracketed note is not', () => {
  assert.equal(isProseField('全年共公开10条信息，全年共制定0条行政规范性文件'), true);
  assert.equal(isProseField('行政事业性收费项目0项。'), true);
  assert.equal(isProseField('本年收费金额（单位：万元，保留4位小数）'), false);
  assert.equal(isProseField('(二) 部分公开(区分处理的,只计这一情形,不计其他情形)'), false);
  assert.equal(isProseField('其他对外管理服务事项'), false);
});
