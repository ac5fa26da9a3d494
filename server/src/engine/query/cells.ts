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
export function usableCell(
  table: ParsedTable | undefined, rowId: string, columnId: string,
): { cell: Cell; row: TableRow; column: ColumnDef } | null {
  let row = rowById(table, rowId);
  if (!row) {
    // A row written in the other version's shape stands for the rows it covers: the first reads
    // through it, the others as 0 (2019's one （六）其他处理 row for 2021's three).
    const variant = table?.variants?.find((v) => v.covers.includes(rowId));
    const through = variant ? rowById(table, variant.rowId) : undefined;
    if (!variant || !through?.cells) return null;
    if (variant.covers[0] === rowId) row = through;
    else {
      const i = through.columns.findIndex((c) => c.id === columnId);
      if (i < 0) return null;
      const zero: Cell = { span: { start: through.labelSpan.end, end: through.labelSpan.end }, raw: '0', kind: 'number', value: 0 };
      return { cell: zero, row: through, column: through.columns[i] };
    }
  }
  if (!row.cells) return null;
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
