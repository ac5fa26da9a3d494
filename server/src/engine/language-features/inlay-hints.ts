/**
 * Where the inlay hints go: numbers that stand apart from their row label (a table written one cell per line,
 * a wrapped value), each with its column name, and its row when the label is on another line.
 */
import type { Report } from '../model';
import { columnTitle, shortLabel } from '../query/labels';
import { lineIndexAt } from '../text/lines';

export interface DetachedCell {
  /** Where the number starts. */
  readonly offset: number;
  readonly column: string;
  /** The row's short label, when it is on another line than the number. */
  readonly row: string | null;
}

/** Every number that stands apart from its row label, in text order within each table. */
export function detachedCells(report: Report): DetachedCell[] {
  const out: DetachedCell[] = [];
  const lineOf = (offset: number) => lineIndexAt(report.lines, offset);
  for (const table of Object.values(report.tables)) {
    for (const row of table?.rows ?? []) {
      const labelLine = lineOf(row.labelSpan.start);
      const cells = row.cells ?? [];
      const lines = cells.map((c) => lineOf(c.span.start));
      const oneLineEach = new Set(lines).size === cells.length && cells.length > 1;
      cells.forEach((c, i) => {
        if (lines[i] === labelLine && !oneLineEach) return;
        if (table?.id === 'review' && !oneLineEach) return;
        out.push({ offset: c.span.start, column: columnTitle(row.columns[i]), row: lines[i] === labelLine ? null : shortLabel(row.label) });
      });
    }
  }
  return out;
}
