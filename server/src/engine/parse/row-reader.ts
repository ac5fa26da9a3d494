/**
 * The generic row reader (docs/format.md, "Assigning numbers"): numbers after a row label, up to the next label, belong
 * to that row. It covers TAB and pipe rows, one cell per line, wrapped values and group labels that
 * share a line with their first row.
 */
import type { ColumnDef } from '../template/types';
import { makeRow, type Cell, type TableRow } from '../model';
import { blankCellAt, cellOf, isValueLike, positionalCell } from './cells';
import { positional } from './fields';
import type { Token } from './tokens';

export interface PendingRow {
  readonly id: string;
  readonly label: string;
  readonly labelToken: Extract<Token, { kind: 'cell' }>;
  readonly columns: readonly ColumnDef[];
  readonly group?: string;
  /** Value tokens after the label, in order. */
  readonly values: Extract<Token, { kind: 'cell' }>[];
  /** Placeholder lines after the label, before the next empty line. */
  readonly placeholders: Extract<Token, { kind: 'placeholder' }>[];
  /** An empty line came after the label. */
  broken: boolean;
}

export function startRow(id: string, label: string, token: Extract<Token, { kind: 'cell' }>, columns: readonly ColumnDef[], group?: string): PendingRow {
  return { id, label, labelToken: token, columns, group, values: [], placeholders: [], broken: false };
}

/** Feed a token that is not a label to the current row. Returns false when the token is not a value. */
export function feedRow(row: PendingRow, token: Token): boolean {
  if (token.kind === 'break') {
    row.broken = true;
    return true;
  }
  if (token.kind === 'placeholder') {
    if (!row.broken) row.placeholders.push(token);
    return true;
  }
  if (!isValueLike(token.field.text)) return false;
  row.values.push(token);
  return true;
}

/**
 * The finished row, built as one object literal (not `{ ...base, cells }`: a spread per row showed in
 * profiles). Keys in the order the model has always listed them.
 */
function rowOf(row: PendingRow, cells: Cell[] | null, found: Cell[], extra: Cell[]): TableRow {
  const label = row.labelToken.field;
  return makeRow(row.id, row.label, { start: label.start, end: label.end }, row.columns, row.group, cells, found, extra);
}

/** Place the row's values in its columns. */
export function finishRow(row: PendingRow): TableRow {
  const n = row.columns.length;
  const values: Cell[] = [];
  for (const t of row.values) values.push(cellOf(t.field));
  if (values.length === n) return rowOf(row, values, values, []);
  // All values on the label's own line: read that line by position, empty fields being blank cells.
  const labelLine = row.labelToken.line;
  if (values.length < n && row.values.every((t) => t.line === labelLine)) {
    const fields = row.labelToken.row.fields;
    const after = fields.slice(fields.indexOf(row.labelToken.field) + 1);
    const placed = positional(after, n);
    if (placed) {
      const cells = placed.map(positionalCell);
      // Every non-empty field is one of the values read, or a short word standing where a number belongs (`若干`).
      const valueStarts = new Set(values.map((v) => v.span.start));
      if (cells.every((c) => c.raw === '' || valueStarts.has(c.span.start) || c.raw.length <= 8)) {
        return rowOf(row, cells, cells.filter((c) => c.raw !== ''), []);
      }
    }
  }
  // One cell per line: placeholder lines after the label are blank cells.
  if (values.length < n && values.length + row.placeholders.length === n) {
    const merged = [
      ...row.values.map((t) => ({ line: t.line, cell: cellOf(t.field) })),
      ...row.placeholders.map((p) => ({ line: p.line, cell: blankCellAt(p.at) })),
    ].sort((a, b) => a.line - b.line || a.cell.span.start - b.cell.span.start);
    return rowOf(row, merged.map((m) => m.cell), values, []);
  }
  if (values.length > n) return rowOf(row, values.slice(0, n), values, values.slice(n));
  return rowOf(row, null, values, []);
}

/** The span of the last thing a row read (its last value, or its label). */
export function lastSpanOf(row: TableRow): { start: number; end: number } {
  const all = [...row.found, ...row.extra];
  return all.length ? all[all.length - 1].span : row.labelSpan;
}
