import type { Rule } from './types';
import { isFragment } from '../query/structure';

export const yearMissing: Rule = {
  code: 'year-missing', aliases: [], defaultSeverity: 'warning', tags: ['structure'], fix: 'none',
  run(report, ctx) {
    // An excerpt without its title has no year to give; section-missing already notes the excerpt.
    if (report.content !== 'text' || report.year || isFragment(report)) return;
    const span = report.title?.span ?? { start: report.lines[0].start, end: report.lines[0].end };
    ctx.report({ span, message: { key: 'year-missing' } });
  },
};
