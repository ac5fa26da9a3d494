import type { Cell, TableRow } from '../model';
import type { ColumnDef } from '../template/types';
import type { FixDraft, RelatedDraft, Rule } from './types';
import { isTotalCell } from '../query/blank-total';
import { certaintyOf, PER_CELL_LIMIT, type CertainFill } from '../query/certainty';
import { columnTitle, shortLabel, tableName } from '../query/labels';

interface Blank {
  readonly row: TableRow;
  readonly column: ColumnDef;
  readonly cell: Cell;
  /** The one value the identities allow (query/certainty.ts), which a safe fix writes; undefined: stays open. */
  readonly fill: CertainFill | undefined;
  /** For an open blank, the values a broken identity would take it to: suggestions only. */
  readonly candidates: readonly number[];
}

export const cellBlank: Rule = {
  code: 'cell-blank', aliases: [], defaultSeverity: 'warning', tags: ['table'], fix: 'safe',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      if (!t) continue;
      const blanks: Blank[] = [];
      const certainty = certaintyOf(report, t.id);
      for (const row of t.rows) {
        row.cells?.forEach((cell, i) => {
          if (cell.kind !== 'blank') return;
          const candidates = certainty.candidates.get(cell) ?? [];
          blanks.push({ row, column: row.columns[i], cell, fill: certainty.fills.get(cell), candidates });
        });
      }
      if (!blanks.length) continue;
      const suggestionsOf = (b: Blank): FixDraft[] => b.candidates.map((value) => ({
        title: { key: 'fix.blankCandidate', args: { row: shortLabel(b.row.label), column: columnTitle(b.column), value } },
        edits: [{ span: b.cell.span, newText: String(value) }],
      }));
      // One blank on its own finding: with no certain value and no candidate, 0 (how it is read) is offered to a person.
      const cellSuggestionsOf = (b: Blank): FixDraft[] => (b.fill || b.candidates.length
        ? suggestionsOf(b)
        : [{ title: { key: 'fix.blankZeroUnconfirmed' }, edits: [{ span: b.cell.span, newText: '0' }] }]);
      // A certain value derived from other blanks is written with them: the fix is whole on its own.
      const fixOf = (b: Blank): FixDraft | undefined => {
        if (!b.fill) return undefined;
        const needs = b.fill.needs.map((c) => ({ span: c.span, newText: String(certainty.fills.get(c)?.value ?? 0) }));
        const edits = [{ span: b.cell.span, newText: String(b.fill.value) }, ...needs];
        if (isTotalCell(report, t.id, b.row.id, b.column.id)) return { title: { key: 'fix.blankToSum', args: { sum: b.fill.value } }, edits };
        return b.fill.value === 0 && !needs.length
          ? { title: { key: 'fix.blankToZero' }, edits }
          : { title: { key: 'fix.blankDetermined', args: { value: b.fill.value } }, edits };
      };
      // Blanks are the exception when the table writes its other zeros as 0; a table that writes no 0 at
      // all uses blanks for zeros.
      const writesZeros = t.rows.some((row) => row.cells?.some((c) => c.kind === 'number' && c.value === 0));
      if (blanks.length <= PER_CELL_LIMIT && (blanks.length === 1 || writesZeros)) {
        for (const b of blanks) {
          const written = report.text.slice(b.cell.span.start, b.cell.span.end);
          ctx.report({
            span: b.cell.span,
            message: { key: 'cell-blank', args: { row: shortLabel(b.row.label), column: columnTitle(b.column), raw: written || '空' } },
            fix: fixOf(b),
            suggestions: cellSuggestionsOf(b),
            target: { row: b.row.id, column: b.column.id },
          });
        }
        continue;
      }
      // Blanks written for zeros throughout the table: one finding, one fix for all the certain ones.
      const related: RelatedDraft[] = blanks.slice(1).map((b) => ({
        span: b.cell.span,
        message: { key: 'related.cell', args: { row: shortLabel(b.row.label), column: columnTitle(b.column), value: b.fill ? String(b.fill.value) : '空' } },
      }));
      const fillable = blanks.filter((b) => b.fill);
      ctx.report({
        span: blanks[0].cell.span,
        message: { key: 'cell-blank.table', args: { table: tableName(report, t.id), count: blanks.length } },
        related,
        fix: fillable.length
          ? {
            title: { key: 'fix.blanksInTable', args: { table: tableName(report, t.id), count: fillable.length } },
            edits: fillable.map((b) => ({ span: b.cell.span, newText: String(b.fill!.value) })),
          }
          : undefined,
        suggestions: blanks.flatMap(suggestionsOf),
        target: {},
      });
    }
  },
};
