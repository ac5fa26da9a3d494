/**
 * text-sum (docs/format.md, "Sums in prose"): "共N条，其中a条、b条…" whose parts exceed N, or fall short of it
 * although a remainder part (其他…) says they cover it. On the total; the parts are related.
 */
import { findSums, sumMismatch } from '../prose/sums';
import type { Rule } from './types';

export const textSum: Rule = {
  code: 'text-sum', aliases: [], defaultSeverity: 'warning', tags: ['prose', 'arithmetic'], fix: 'none',
  run(report, ctx) {
    if (report.content !== 'text') return;
    for (const s of findSums(report)) {
      const { sum, wrong } = sumMismatch(s);
      if (!wrong) continue;
      const formula = s.parts.map((p) => `${p.label} ${p.count.value}`).join(' + ');
      ctx.report({
        span: s.total.span,
        message: { key: sum > s.total.value ? 'text-sum' : 'text-sum.short', args: { total: s.total.value, sum, formula } },
        related: s.parts.map((p) => ({ span: p.count.span, message: { key: 'related.part' as const, args: { label: p.label, value: p.count.value } } })),
      });
    }
  },
};
