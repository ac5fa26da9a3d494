import type { Rule } from './types';
import { columnTitle, shortLabel } from '../query/labels';

export const cellUnit: Rule = {
  code: 'cell-unit', aliases: [], defaultSeverity: 'info', tags: ['table', 'style'], fix: 'none',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      for (const row of t?.rows ?? []) {
        row.cells?.forEach((cell, i) => {
          if (!cell.unit) return;
          ctx.report({
            span: cell.span,
            message: { key: 'cell-unit', args: { row: shortLabel(row.label), column: columnTitle(row.columns[i]), unit: cell.unit } },
            target: { row: row.id, column: row.columns[i].id },
          });
        });
      }
    }
  },
};
