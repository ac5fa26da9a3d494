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
    if (report.content === 'binary') ctx.report({ span: { start: 0, end: Math.min(report.lines[0].end, 1) }, message: { key: 'report-binary' } });
  },
};
