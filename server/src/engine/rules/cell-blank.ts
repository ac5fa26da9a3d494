import type { Rule } from './types';
import { columnTitle, shortLabel } from './helpers';

export const cellBlank: Rule = {
  code: 'cell-blank', aliases: [], defaultSeverity: 'warning', tags: ['table'], fix: 'safe',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      for (const row of t?.rows ?? []) {
        row.cells?.forEach((cell, i) => {
          if (cell.kind !== 'blank') return;
          const column = row.columns[i];
          ctx.report({
            span: cell.span,
            message: { key: 'cell-blank', args: { row: shortLabel(row.label), column: columnTitle(column), raw: cell.raw || '空' } },
            fix: { title: { key: 'fix.blankToZero' }, edits: [{ span: cell.span, newText: '0' }] },
            target: { row: row.id, column: column.id },
          });
        });
      }
    }
  },
};
