/**
 * The generic row reader (spec §6.3 step 4): numbers after a row label, up to the next label, belong
 * to that row. It covers TAB and pipe rows, one cell per line, wrapped values and group labels that
 * share a line with their first row.
 */
import type { ColumnDef } from '../template/types';
import type { Cell, TableRow } from '../model';
import { cellOf, isValueLike } from './cells';
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

function blankCellAt(at: number): Cell {
  return { span: { start: at, end: at }, raw: '', kind: 'blank', value: 0 };
}

/** Place the row's values in its columns. */
export function finishRow(row: PendingRow): TableRow {
  const n = row.columns.length;
  const values = row.values.map((t) => cellOf(t.field));
  const base = {
    id: row.id, label: row.label, labelSpan: { start: row.labelToken.field.start, end: row.labelToken.field.end },
    columns: row.columns, group: row.group,
  };
  if (values.length === n) return { ...base, cells: values, found: values, extra: [] };
  // All values on the label's own line: read that line by position, empty fields being blank cells.
  const labelLine = row.labelToken.line;
  if (values.every((t) => t.kind === 'number' || t.kind === 'blank' || t.kind === 'text')
      && row.values.every((t) => t.line === labelLine) && values.length < n) {
    const fields = row.labelToken.row.fields;
    const after = fields.slice(fields.indexOf(row.labelToken.field) + 1);
    const placed = positional(after, n);
    if (placed) {
      const cells = placed.map((f) => (f.text === '' ? blankCellAt(f.start) : cellOf(f)));
      // Every non-empty field is one of the values read, or a short word standing where a number belongs (`若干`).
      const valueStarts = new Set(values.map((v) => v.span.start));
      if (cells.every((c) => c.raw === '' || valueStarts.has(c.span.start) || c.raw.length <= 8)) {
        return { ...base, cells, found: cells.filter((c) => c.raw !== ''), extra: [] };
      }
    }
  }
  // One cell per line: placeholder lines after the label are blank cells.
  if (values.length < n && values.length + row.placeholders.length === n) {
    const merged = [
      ...row.values.map((t) => ({ line: t.line, cell: cellOf(t.field) })),
      ...row.placeholders.map((p) => ({ line: p.line, cell: blankCellAt(p.at) })),
    ].sort((a, b) => a.line - b.line || a.cell.span.start - b.cell.span.start);
    return { ...base, cells: merged.map((m) => m.cell), found: values, extra: [] };
  }
  if (values.length > n) return { ...base, cells: values.slice(0, n), found: values, extra: values.slice(n) };
  return { ...base, cells: null, found: values, extra: [] };
}

/** The span of the last thing a row read (its last value, or its label). */
export function lastSpanOf(row: TableRow): { start: number; end: number } {
  const all = [...row.found, ...row.extra];
  return all.length ? all[all.length - 1].span : row.labelSpan;
}
