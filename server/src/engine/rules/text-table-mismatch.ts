/**
 * text-table-mismatch (docs/format.md, "Prose against tables"): a number the prose states about the report year
 * against the table cell it describes. On the number in the prose; the cell is the related location.
 */
import type { Report } from '../model';
import { notUpheldCells, sumOf, targetCells, widerSums, type TargetCell } from '../prose/cells';
import { findStatements } from '../prose/statements';
import type { RelatedDraft, Rule } from './types';

function related(cells: readonly TargetCell[]): RelatedDraft[] {
  return cells.map((c) => ({ span: c.cell.span, message: { key: 'related.cell' as const, args: { row: c.rowName, column: c.columnName, value: c.cell.raw || String(c.value) } } }));
}

function formula(cells: readonly TargetCell[]): string {
  return cells.map((c) => `「${c.name}」${c.value}`).join(' + ');
}

function phrase(report: Report, span: { start: number; end: number }): string {
  return report.text.slice(span.start, span.end);
}

export const textTableMismatch: Rule = {
  code: 'text-table-mismatch', aliases: [], defaultSeverity: 'warning', tags: ['prose', 'table'], fix: 'none',
  run(report, ctx) {
    if (report.content !== 'text') return;
    for (const s of findStatements(report)) {
      if (s.kind === 'upheld') {
        const cells = notUpheldCells(report, s.target.id);
        if (!cells) continue;
        const wrong = cells.filter((c) => c.value !== 0);
        if (!wrong.length) continue;
        ctx.report({
          span: s.span,
          message: { key: 'text-table-mismatch.upheld', args: { phrase: phrase(report, s.span), group: s.target.id === 'review' ? '行政复议' : '行政诉讼', details: wrong.map((c) => `「${c.name}」${c.value}`).join('、') } },
          related: related(wrong),
          target: { row: wrong[0].rowId, column: wrong[0].columnId },
        });
        continue;
      }
      const cells = targetCells(report, s.target);
      if (!cells) continue;
      const actual = sumOf(cells);
      if (actual === s.value) continue;
      // The figure may count more than the target (一 + 二 for 收到申请): a reading, not a mismatch.
      if (s.kind === 'count' && widerSums(report, s.target).includes(s.value)) continue;
      const target = { row: cells[0].rowId, column: cells[0].columnId };
      if (s.kind === 'none') {
        ctx.report({
          span: s.span,
          message: { key: 'text-table-mismatch.none', args: { phrase: phrase(report, s.span), cell: cells.length === 1 ? `「${cells[0].name}」` : formula(cells), actual } },
          related: related(cells), target,
        });
      } else if (cells.length === 1) {
        ctx.report({
          span: s.span,
          message: { key: 'text-table-mismatch', args: { stated: s.value, cell: cells[0].name, actual } },
          related: related(cells), target,
        });
      } else {
        ctx.report({
          span: s.span,
          message: { key: 'text-table-mismatch.sum', args: { stated: s.value, formula: formula(cells), actual } },
          related: related(cells), target,
        });
      }
    }
  },
};
