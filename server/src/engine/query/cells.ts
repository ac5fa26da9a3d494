/** Cell addressing: a table's row by id, a usable cell by row and column id, a key for a cell. */
import type { Cell, ParsedTable, TableRow } from '../model';
import type { ColumnDef } from '../template/types';

const ROW_INDEX = new WeakMap<ParsedTable, Map<string, TableRow>>();

export function rowById(table: ParsedTable | undefined, id: string): TableRow | undefined {
  if (!table) return undefined;
  let index = ROW_INDEX.get(table);
  if (!index) {
    index = new Map(table.rows.map((r) => [r.id, r]));
    ROW_INDEX.set(table, index);
  }
  return index.get(id);
}

/** A located, usable cell: its row and column were found and it parsed as a number or a blank. */
export function usableCell(table: ParsedTable | undefined, rowId: string, columnId: string): { cell: Cell; row: TableRow; column: ColumnDef } | null {
  const row = rowById(table, rowId);
  if (!row || !row.cells) return null;
  const i = row.columns.findIndex((c) => c.id === columnId);
  if (i < 0) return null;
  const cell = row.cells[i];
  if (cell.value === null || !valueFitsColumn(cell, row.columns[i])) return null;
  return { cell, row, column: row.columns[i] };
}

export function valueFitsColumn(cell: Cell, column: ColumnDef): boolean {
  if (cell.value === null) return false;
  if (cell.value < 0 && column.type !== 'signedInteger') return false;
  if (!Number.isInteger(cell.value) && column.type !== 'decimal') return false;
  return true;
}

/** One key per cell of a table, for maps and sets of cells. */
export const cellKey = (rowId: string, columnId: string): string => `${rowId}\u0000${columnId}`;
