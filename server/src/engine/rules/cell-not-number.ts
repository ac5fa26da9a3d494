import type { Rule } from './types';
import { columnTitle, shortLabel } from '../query/labels';

export const cellNotNumber: Rule = {
  code: 'cell-not-number', aliases: [], defaultSeverity: 'error', tags: ['table'], fix: 'none',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      for (const row of t?.rows ?? []) {
        row.cells?.forEach((cell, i) => {
          const column = row.columns[i];
          const args = { row: shortLabel(row.label), column: columnTitle(column), raw: report.text.slice(cell.span.start, cell.span.end) };
          const target = { row: row.id, column: column.id };
          if (cell.kind === 'text') ctx.report({ span: cell.span, message: { key: 'cell-not-number', args }, target });
          else if (cell.kind === 'number' && cell.value! < 0 && column.type !== 'signedInteger') ctx.report({ span: cell.span, message: { key: 'cell-not-number.negative', args }, target });
          else if (cell.kind === 'number' && !Number.isInteger(cell.value) && column.type !== 'decimal') ctx.report({ span: cell.span, message: { key: 'cell-not-number.decimal', args }, target });
        });
      }
    }
  },
};
