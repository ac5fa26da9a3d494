/**
 * A table as written (rows of cells with row and column spans, as in HTML and Word) laid out on its grid:
 * one output row per written row, one field per grid column, a merged cell placed once at its first
 * position and nowhere else, every other position empty. That is the TAB layout the engine reads.
 */
import type { OutputCell } from './output';
import type { SourceLocation } from './types';

export interface WrittenCell {
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly source: SourceLocation;
}

export interface WrittenRow {
  readonly cells: readonly WrittenCell[];
  readonly source: SourceLocation;
}

/** Spans beyond these are clamped: a hostile `rowspan="65534"` must not allocate a huge grid. */
const MAX_SPAN = 1000;
const MAX_COLUMNS = 1000;

export function layOut(rows: readonly WrittenRow[]): { cells: OutputCell[]; source: SourceLocation }[] {
  /** occupied[r] = columns already taken in row r by cells spanning down from above. */
  const occupied: Set<number>[] = rows.map(() => new Set<number>());
  const placed: { col: number; cell: WrittenCell }[][] = rows.map(() => []);
  let width = 0;
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (occupied[r].has(col)) col++;
      if (col >= MAX_COLUMNS) break;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, MAX_SPAN, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan, MAX_SPAN, MAX_COLUMNS - col));
      placed[r].push({ col, cell });
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) occupied[r + dr].add(col + dc);
      col += colSpan;
      width = Math.max(width, col);
    }
  });
  return rows.map((row, r) => {
    // Positions no cell covers (a row written with fewer cells) are absent, not empty: a missing `<td>` at the
    // end stays missing, while an empty `<td>` is an empty field.
    const reach = occupied[r].size === 0 ? 0 : Math.max(...occupied[r]) + 1;
    const fields: OutputCell[] = Array.from({ length: Math.min(width, reach) }, () => ({ text: '', source: row.source }));
    for (const { col, cell } of placed[r]) fields[col] = { text: cell.text, source: cell.source };
    return { cells: fields, source: row.source };
  });
}
