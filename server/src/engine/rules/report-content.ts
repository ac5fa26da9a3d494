import type { Rule } from './types';

export const reportEmpty: Rule = {
  code: 'report-empty', aliases: [], defaultSeverity: 'error', tags: ['input'], fix: 'none',
  run(report, ctx) {
    if (report.content === 'empty') ctx.report({ span: { start: 0, end: 0 }, message: { key: 'report-empty' } });
  },
};

export const reportBinary: Rule = {
  code: 'report-binary', aliases: [], defaultSeverity: 'error', tags: ['input'], fix: 'none',
  run(report, ctx) {
    // The first character, whole: an astral character is two UTF-16 units (issue 9).
    const first = report.text.codePointAt(0) ?? 0;
    if (report.content === 'binary') ctx.report({ span: { start: 0, end: Math.min(report.lines[0].end, first > 0xffff ? 2 : 1) }, message: { key: 'report-binary' } });
  },
};
