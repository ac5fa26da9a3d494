import type { Rule } from './types';
import { sectionNumeral } from '../query/labels';

export const sectionDuplicate: Rule = {
  code: 'section-duplicate', aliases: [], defaultSeverity: 'error', tags: ['structure'], fix: 'none',
  run(report, ctx) {
    for (const h of report.headings) {
      const first = report.sections.find((s) => s.no === h.no)!;
      if (first.heading === h) continue;
      ctx.report({
        span: h.span,
        message: { key: 'section-duplicate', args: { numeral: sectionNumeral(h.no), firstLine: first.heading.line + 1, first: report.text.slice(first.heading.span.start, first.heading.span.end) } },
        related: [{ span: first.heading.span, message: { key: 'related.first' } }],
        target: { row: `section-${h.no}` },
      });
    }
  },
};
