/**
 * year-mismatch (docs/format.md, "Years"): the title year, the statistics period and the sentences that
 * open with the year they report on must name the same year.
 */
import { yearProblems } from '../prose/years';
import type { Rule } from './types';

export const yearMismatch: Rule = {
  code: 'year-mismatch', aliases: [], defaultSeverity: 'warning', tags: ['prose', 'year'], fix: 'none',
  run(report, ctx) {
    if (report.content !== 'text') return;
    for (const p of yearProblems(report)) {
      ctx.report({
        span: p.found.span,
        message: { key: `year-mismatch.${p.kind}`, args: { found: p.found.value, year: p.expected } },
        related: p.evidence.map((e) => ({ span: e.span, message: { key: 'related.statedYear' as const, args: { year: e.value } } })),
      });
    }
  },
};
