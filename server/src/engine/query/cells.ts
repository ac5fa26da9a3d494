/** Cell addressing: a table's row by id, a usable cell by row and column id, a key for a cell. */
import { makeCell, type Cell, type ParsedTable, type TableRow } from '../model';
import type { ColumnDef } from '../template/types';

const ROW_INDEX = new WeakMap<ParsedTable, Map<string, TableRow>>();

function rowIndex(table: ParsedTable): Map<string, TableRow> {
  let index = ROW_INDEX.get(table);
  if (!index) {
    index = new Map<string, TableRow>();
    for (const r of table.rows) index.set(r.id, r);
    ROW_INDEX.set(table, index);
  }
  return index;
}

export function rowById(table: ParsedTable | undefined, id: string): TableRow | undefined {
  return table ? rowIndex(table).get(id) : undefined;
}

/** A usable cell (see usableCellIn) with the row and the column it was found in. */
export interface UsableCell {
  readonly cell: Cell;
  readonly row: TableRow;
  readonly column: ColumnDef;
}

/** A located, usable cell: its row and column were found and it parsed as a number or a blank. */
export function usableCell(table: ParsedTable | undefined, rowId: string, columnId: string): UsableCell | null {
  return table ? usableIn(table, rowIndex(table), rowId, columnId) : null;
}

/**
 * `usableCell` for one table, for reading many of its cells (the identities read hundreds per table):
 * the table's row index is looked up once, not once a cell.
 */
export function usableCellsOf(table: ParsedTable | undefined): (rowId: string, columnId: string) => UsableCell | null {
  if (!table) return () => null;
  const rows = rowIndex(table);
  return (rowId, columnId) => usableIn(table, rows, rowId, columnId);
}

/** The index of a column by id: a plain loop, as this runs for every cell an identity reads. */
function columnAt(columns: readonly ColumnDef[], columnId: string): number {
  for (let i = 0; i < columns.length; i++) if (columns[i].id === columnId) return i;
  return -1;
}

/**
 * `usableCellsOf` giving the cell alone (the same cell, or null when it is not usable): for sums over many cells,
 * which need no row or column and so no object per cell read.
 */
export function usableCellValuesOf(table: ParsedTable | undefined): (rowId: string, columnId: string) => Cell | null {
  if (!table) return () => null;
  const rows = rowIndex(table);
  return (rowId, columnId) => usableCellIn(table, rows, rowId, columnId);
}

/**
 * A usable cell: its row and column were found and it parsed as a number or a blank. A row written in the other
 * version's shape stands for the rows it covers: the first reads through it, the others as 0 (2019's one
 * （六）其他处理 row for 2021's three).
 */
function usableCellIn(table: ParsedTable, rows: ReadonlyMap<string, TableRow>, rowId: string, columnId: string): Cell | null {
  let row = rows.get(rowId);
  if (!row) {
    const variant = table.variants?.find((v) => v.covers.includes(rowId));
    const through = variant ? rows.get(variant.rowId) : undefined;
    if (!variant || !through?.cells) return null;
    if (variant.covers[0] === rowId) row = through;
    else {
      if (columnAt(through.columns, columnId) < 0) return null;
      return makeCell({ start: through.labelSpan.end, end: through.labelSpan.end }, '0', 'number', 0);
    }
  }
  if (!row.cells) return null;
  const i = columnAt(row.columns, columnId);
  if (i < 0) return null;
  const cell = row.cells[i];
  if (cell.value === null || !valueFitsColumn(cell, row.columns[i])) return null;
  return cell;
}

/** `usableCellIn`'s cell with its row and column: the row read through for a variant row's covered rows. */
function usableIn(table: ParsedTable, rows: ReadonlyMap<string, TableRow>, rowId: string, columnId: string): UsableCell | null {
  const cell = usableCellIn(table, rows, rowId, columnId);
  if (!cell) return null;
  const row = rows.get(rowId) ?? rows.get(table.variants?.find((v) => v.covers.includes(rowId))?.rowId ?? '');
  if (!row) return null;
  return { cell, row, column: row.columns[columnAt(row.columns, columnId)] };
}

export function valueFitsColumn(cell: Cell, column: ColumnDef): boolean {
  if (cell.value === null) return false;
  if (cell.value < 0 && column.type !== 'signedInteger') return false;
  if (!Number.isInteger(cell.value) && column.type !== 'decimal') return false;
  return true;
}

/** One key per cell of a table, for maps and sets of cells. */
export const cellKey = (rowId: string, columnId: string): string => `${rowId}\u0000${columnId}`;
