import type { Rule } from './types';
import { blankTotalSum } from '../query/blank-total';
import { columnTitle, shortLabel } from '../query/labels';

export const cellBlank: Rule = {
  code: 'cell-blank', aliases: [], defaultSeverity: 'warning', tags: ['table'], fix: 'safe',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      for (const row of t?.rows ?? []) {
        row.cells?.forEach((cell, i) => {
          if (cell.kind !== 'blank' || !t) return;
          const column = row.columns[i];
          const sum = blankTotalSum(report, t.id, row.id, column.id);
          const written = report.text.slice(cell.span.start, cell.span.end);
          ctx.report({
            span: cell.span,
            message: { key: 'cell-blank', args: { row: shortLabel(row.label), column: columnTitle(column), raw: written || '空' } },
            fix: sum === null
              ? { title: { key: 'fix.blankToZero' }, edits: [{ span: cell.span, newText: '0' }] }
              : { title: { key: 'fix.blankToSum', args: { sum } }, edits: [{ span: cell.span, newText: String(sum) }] },
            target: { row: row.id, column: column.id },
          });
        });
      }
    }
  },
};
