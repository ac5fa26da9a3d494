import type { Rule } from './types';
import { endOfText, expectedRows, trailingMissingSections } from '../query/structure';
import { sectionNumeral, tableName } from '../query/labels';

export const reportTruncated: Rule = {
  code: 'report-truncated', aliases: [], defaultSeverity: 'error', tags: ['structure'], fix: 'none',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      if (!t?.truncatedAt) continue;
      let count: number;
      let next: string;
      if (t.id === 'review') {
        count = t.rows[0].columns.length - t.rows[0].found.length;
        next = t.rows[0].columns[t.rows[0].found.length]?.label ?? '';
      } else {
        const expected = expectedRows(report, t.id);
        const lastFound = expected.findIndex((r) => r.id === t.rows[t.rows.length - 1].id);
        count = expected.length - 1 - lastFound;
        next = expected[lastFound + 1]?.label ?? '';
      }
      ctx.report({ span: t.truncatedAt, message: { key: 'report-truncated.table', args: { table: tableName(report, t.id), count, next } } });
    }
    const trailing = trailingMissingSections(report);
    // A table cut off in the last section found already says the text ends there: one finding.
    // (The last section found by its heading or, when the heading is missing, by its table: as in trailingMissingSections.)
    const sectionOf = (id: string) => report.template.sections.find((d) => d.table === id)?.no ?? 0;
    const lastSection = Math.max(0, ...report.sections.map((s) => s.no), ...Object.values(report.tables).map((t) => sectionOf(t!.id)));
    const cutInLast = Object.values(report.tables).some((t) => t?.truncatedAt && report.template.sections.find((d) => d.table === t.id)?.no === lastSection);
    if (trailing.length && !cutInLast) {
      ctx.report({
        span: endOfText(report),
        message: { key: 'report-truncated.sections', args: { last: sectionNumeral(trailing[0] - 1), from: sectionNumeral(trailing[0]) } },
      });
    }
  },
};
