import type { Rule } from './types';
import type { Report, TableRow } from '../model';
import type { ColumnDef } from '../template/types';
import { columnTitle, shortLabel, usableCell } from './helpers';

/**
 * The value a blank total must have: the sum of its parts, when the cell is the total of an identity
 * whose parts were all read (spec §4.3). Null for any other blank (it gets 0).
 */
function blankTotalValue(report: Report, tableId: string, row: TableRow, column: ColumnDef): number | null {
  const table = report.tables[tableId as keyof typeof report.tables];
  for (const identity of report.template.identities) {
    if (identity.table !== tableId || !identity.total) continue;
    const byRow = identity.forEach === 'row';
    if (!identity.over.includes(byRow ? row.id : column.id) || identity.total !== (byRow ? column.id : row.id)) continue;
    const parts = identity.right.map((id) => usableCell(table, byRow ? row.id : id, byRow ? id : column.id));
    if (parts.some((p) => !p)) return null;
    return Math.round(parts.reduce((s, p) => s + (p!.cell.value ?? 0), 0) * 1e6) / 1e6;
  }
  return null;
}

export const cellBlank: Rule = {
  code: 'cell-blank', aliases: [], defaultSeverity: 'warning', tags: ['table'], fix: 'safe',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      for (const row of t?.rows ?? []) {
        row.cells?.forEach((cell, i) => {
          if (cell.kind !== 'blank' || !t) return;
          const column = row.columns[i];
          const sum = blankTotalValue(report, t.id, row, column);
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
