/**
 * A table as written (rows of cells with row and column spans, as in HTML and Word) laid out on its grid:
 * one output row per written row, one field per grid column, a merged cell placed once and nowhere else,
 * every other position empty. That is the TAB layout the engine reads.
 *
 * Where a merged cell is placed (`fieldOf`): a number (or a blank marker) at its first position, as
 * `行政许可→18→→` (docs/format.md, "Table 1"); a label or header at its last, so that the fields after a
 * label are the grid columns after it: `（一）予以公开` spanning two columns gives `→（一）予以公开→0→…`,
 * never `（一）予以公开→→0→…`, whose empty field a reader would take for the first value.
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

/** A cell's text that stands where a value belongs: a number (with a unit), or a dash or slash for none. */
const VALUE_TEXT = /^(?:[+\-−－]?\d[\d,]*(?:\.\d+)?\s*[\u4e00-\u9fff%]{0,2}|[-—–－/／]+|)$/;

/** The grid column where a cell spanning `colSpan` columns from `col` writes its text. */
export function fieldOf(text: string, col: number, colSpan: number): number {
  return colSpan > 1 && !VALUE_TEXT.test(text.trim()) ? col + colSpan - 1 : col;
}

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
    for (const { col, cell } of placed[r]) {
      const at = Math.min(fieldOf(cell.text, col, cell.colSpan), fields.length - 1);
      fields[at] = { text: cell.text, source: cell.source };
    }
    return { cells: fields, source: row.source };
  });
}
