import type { Rule } from './types';
import { shortLabel } from '../query/labels';

export const cellMissing: Rule = {
  code: 'cell-missing', aliases: [], defaultSeverity: 'error', tags: ['table'], fix: 'none',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      if (!t) continue;
      t.rows.forEach((row, i) => {
        if (row.cells) return;
        // The last row of a table that was cut off is covered by report-truncated.
        if (t.truncatedAt && i === t.rows.length - 1) return;
        ctx.report({
          span: row.labelSpan,
          message: { key: 'cell-missing', args: { row: shortLabel(row.label), expected: row.columns.length, found: row.found.length } },
          related: row.found.map((c) => ({ span: c.span, message: { key: 'related.found', args: { value: c.raw } } })),
          target: { row: row.id },
        });
      });
    }
  },
};
