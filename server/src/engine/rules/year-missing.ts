import type { Rule } from './types';

export const yearMissing: Rule = {
  code: 'year-missing', aliases: [], defaultSeverity: 'warning', tags: ['structure'], fix: 'none',
  run(report, ctx) {
    if (report.content !== 'text' || report.year) return;
    const span = report.title?.span ?? { start: report.lines[0].start, end: report.lines[0].end };
    ctx.report({ span, message: { key: 'year-missing' } });
  },
};
