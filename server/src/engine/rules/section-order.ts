import type { Rule } from './types';
import { sectionNumeral } from '../query/labels';

export const sectionOrder: Rule = {
  code: 'section-order', aliases: [], defaultSeverity: 'warning', tags: ['structure'], fix: 'none',
  run(report, ctx) {
    let maxSeen = 0;
    for (const s of report.sections) {
      if (s.no < maxSeen) {
        ctx.report({
          span: s.heading.span,
          message: { key: 'section-order', args: { numeral: sectionNumeral(s.no), title: s.heading.title, after: sectionNumeral(maxSeen) } },
          target: { row: `section-${s.no}` },
        });
      }
      maxSeen = Math.max(maxSeen, s.no);
    }
  },
};
