import type { Cell, TableRow } from '../model';
import type { ColumnDef } from '../template/types';
import type { FixDraft, RelatedDraft, Rule } from './types';
import { impliedValue, blankTotalSum, isTotalCell } from '../query/blank-total';
import { columnTitle, shortLabel, tableName } from '../query/labels';

/** Up to this many blanks (among written zeros) a table gets a finding per cell; beyond, blanks are how it writes zeros: one finding. */
const PER_CELL_LIMIT = 3;

interface Blank {
  readonly row: TableRow;
  readonly column: ColumnDef;
  readonly cell: Cell;
  /** What a safe fix writes: 0 for a part, the sum for a total whose sum is certain; null: no safe fix. */
  readonly fill: string | null;
  /** The sum a blank total implies when it is not certain (a suggestion only). */
  readonly guess: number | null;
}

export const cellBlank: Rule = {
  code: 'cell-blank', aliases: [], defaultSeverity: 'warning', tags: ['table'], fix: 'safe',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      if (!t) continue;
      const blanks: Blank[] = [];
      for (const row of t.rows) {
        row.cells?.forEach((cell, i) => {
          if (cell.kind !== 'blank') return;
          const column = row.columns[i];
          const total = isTotalCell(report, t.id, row.id, column.id);
          const certain = total ? blankTotalSum(report, t.id, row.id, column.id) : 0;
          const implied = total ? impliedValue(report, t.id, row.id, column.id) : null;
          blanks.push({ row, column, cell, fill: certain === null ? null : String(certain), guess: certain === null ? implied : null });
        });
      }
      if (!blanks.length) continue;
      const suggestionOf = (b: Blank): FixDraft[] => (b.guess === null ? [] : [{
        title: { key: 'fix.blankTotalSuggest', args: { sum: b.guess } },
        edits: [{ span: b.cell.span, newText: String(b.guess) }],
      }]);
      // Blanks are the exception when the table writes its other zeros as 0; a table that writes no 0 at
      // all uses blanks for zeros.
      const writesZeros = t.rows.some((row) => row.cells?.some((c) => c.kind === 'number' && c.value === 0));
      if (blanks.length <= PER_CELL_LIMIT && (blanks.length === 1 || writesZeros)) {
        for (const b of blanks) {
          const written = report.text.slice(b.cell.span.start, b.cell.span.end);
          ctx.report({
            span: b.cell.span,
            message: { key: 'cell-blank', args: { row: shortLabel(b.row.label), column: columnTitle(b.column), raw: written || '空' } },
            fix: b.fill === null ? undefined : b.fill === '0'
              ? { title: { key: 'fix.blankToZero' }, edits: [{ span: b.cell.span, newText: '0' }] }
              : { title: { key: 'fix.blankToSum', args: { sum: b.fill } }, edits: [{ span: b.cell.span, newText: b.fill }] },
            suggestions: suggestionOf(b),
            target: { row: b.row.id, column: b.column.id },
          });
        }
        continue;
      }
      // Blanks written for zeros throughout the table: one finding, one fix for all of them.
      const related: RelatedDraft[] = blanks.slice(1).map((b) => ({
        span: b.cell.span,
        message: { key: 'related.cell', args: { row: shortLabel(b.row.label), column: columnTitle(b.column), value: b.fill ?? '空' } },
      }));
      const fillable = blanks.filter((b) => b.fill !== null);
      ctx.report({
        span: blanks[0].cell.span,
        message: { key: 'cell-blank.table', args: { table: tableName(report, t.id), count: blanks.length } },
        related,
        fix: fillable.length
          ? {
            title: { key: 'fix.blanksInTable', args: { table: tableName(report, t.id), count: fillable.length } },
            edits: fillable.map((b) => ({ span: b.cell.span, newText: b.fill as string })),
          }
          : undefined,
        suggestions: blanks.flatMap(suggestionOf),
        target: {},
      });
    }
  },
};
