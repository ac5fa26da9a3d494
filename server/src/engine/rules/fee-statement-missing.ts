/**
 * fee-statement-missing (docs/format.md, "Fee statement"): from the 2021 reports on, section 六 says whether the
 * 信息处理费 was charged. A warning on the heading of 六 when it does not; information when the
 * statement is only elsewhere (for example in 一). Silent when 六 is missing (section-missing) or
 * has no text at all under its heading (an empty 六 is a content problem of its own, and what a
 * just-inserted heading looks like).
 */
import { impliedCellValue } from '../prose/cells';
import { feeStatements } from '../prose/fee';
import { sectionNumeral } from '../query/labels';
import { usableCell } from '../query/cells';
import type { RelatedDraft, Rule } from './types';

export const feeStatementMissing: Rule = {
  code: 'fee-statement-missing', aliases: [], defaultSeverity: 'warning', tags: ['prose', 'content'], fix: 'none',
  run(report, ctx) {
    if (report.content !== 'text' || !report.year || report.year.value < 2021) return;
    const six = report.sections.find((s) => s.no === 6);
    if (!six) return;
    const body = report.folded.slice(six.heading.span.end, six.span.end);
    if (body.replace(/[\s\d\-—]+/g, '') === '') return;
    const { inSix, elsewhere } = feeStatements(report);
    if (inSix.length) return;
    const notices = usableCell(report.tables.applications, 'R3.6.2', 'total');
    const noticeCount = impliedCellValue(report, 'applications', 'R3.6.2', 'total') ?? 0;
    const related: RelatedDraft[] = [];
    if (notices && noticeCount > 0) {
      related.push({ span: notices.cell.span, message: { key: 'related.cell', args: { row: notices.row.label, column: notices.column.label, value: noticeCount } } });
    }
    if (elsewhere.length) {
      const where = elsewhere[0];
      ctx.report({
        span: six.heading.titleSpan, severity: 'info',
        message: where.section
          ? { key: 'fee-statement-missing.elsewhere', args: { numeral: sectionNumeral(where.section) } }
          : { key: 'fee-statement-missing.preamble' },
        related: [{ span: { start: where.start, end: where.end }, message: { key: 'related.feeStatement' } }, ...related],
      });
      return;
    }
    ctx.report({
      span: six.heading.titleSpan,
      message: { key: related.length ? 'fee-statement-missing.notices' : 'fee-statement-missing', args: { year: report.year.value, count: noticeCount } },
      related,
    });
  },
};
