/**
 * The hover's wording for what the samples do not show: a heading in a report whose tables mix the
 * two formats, whose format was not recognised, or whose format does not fit its year; a cell in no identity;
 * Markdown in report text escaped — in Chinese and in English.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HeadingDescription } from '../../server/src/engine';
import { escapeMarkdown, hoverMarkdown } from '../../server/src/features/hover';

const heading = (version: HeadingDescription['version'], year: number | null): HeadingDescription => ({
  kind: 'heading', span: { start: 0, end: 6 }, section: { no: 4, numeral: '四', heading: '四、政府信息公开行政复议、行政诉讼情况' }, version, year,
});

test('a heading: mixed, unrecognised, or a format the year does not allow', () => {
  assert.equal(hoverMarkdown(heading({ used: '2021', observed: 'mixed', expected: '2021', basis: 'B' }, 2022), 'zh-CN'),
    '**第四部分：四、政府信息公开行政复议、行政诉讼情况**\n\n- 格式版本：表格混用两个版本，按 2021 年版读取\n- 报告年度：2022 年\n- 2022 年度报告应使用 2021 年版');
  assert.equal(hoverMarkdown(heading({ used: '2021', observed: null, expected: null, basis: 'B' }, null), 'en'),
    '**Official section 四: 四、政府信息公开行政复议、行政诉讼情况**\n\n- Format version: not recognised from the tables; read as 2021\n- Report year: not found');
  assert.equal(hoverMarkdown(heading({ used: '2019', observed: '2019', expected: '2021', basis: '国办公开办函〔2019〕60号' }, 2022), 'en'),
    '**Official section 四: 四、政府信息公开行政复议、行政诉讼情况**\n\n- Format version: 2019, 国办公开办函〔2019〕60号\n- Report year: 2022\n- A report for 2022 should use the 2021 format');
});

test('a cell: blank value, no identity; Markdown characters in report text are escaped', () => {
  const md = hoverMarkdown({
    kind: 'cell', span: { start: 0, end: 0 }, table: { id: 'review', name: '行政复议*行政诉讼' }, row: 'a_b', column: '[总计]', raw: '', cellKind: 'blank', identities: [],
  }, 'zh-CN');
  assert.equal(md, '**「a\\_b」行 ·「\\[总计\\]」列：（空）**\n\n表格：行政复议\\*行政诉讼\n\n此格没有可核对的勾稽关系');
  assert.equal(escapeMarkdown('1 + 2 = 3；（一）'), '1 + 2 = 3；（一）', 'formulas unchanged');
});
