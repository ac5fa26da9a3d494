/** report-empty: nothing to check. */
import type { Rule } from './types';

export const reportEmpty: Rule = {
  code: 'report-empty', aliases: [], defaultSeverity: 'error', tags: ['input'], fix: 'none',
  run(report, ctx) {
    if (report.content === 'empty') ctx.report({ span: { start: 0, end: 0 }, message: { key: 'report-empty' } });
  },
};
