/**
 * What a position in the report is: the cell under the cursor with its row, column and every identity
 * it takes part in (values filled in), or the heading with its official section. Read by hover,
 * inlay hints and the table preview; pure, like the rest of the engine.
 */
import type { Cell, ParsedTable, Report, Span, TableRow } from './model';
import type { ColumnDef, IdentityDef } from './template/types';
import { columnTitle, shortLabel } from './query/labels';
import { usableCell } from './query/cells';

export interface CellInfo {
  readonly table: ParsedTable;
  readonly row: TableRow;
  readonly column: ColumnDef;
  readonly columnIndex: number;
  readonly cell: Cell;
}

export interface IdentityInfo {
  readonly identity: IdentityDef;
  /** `总计 12 = 自然人 7 + 商业企业 3 + … = 11` */
  readonly formula: string;
  readonly holds: boolean;
}

const within = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

/** The table cell at an offset (its span, or the insertion point of an empty cell). */
export function cellAt(report: Report, offset: number): CellInfo | null {
  for (const table of Object.values(report.tables)) {
    if (!table || offset < table.span.start || offset > table.span.end) continue;
    for (const row of table.rows) {
      const i = row.cells?.findIndex((c) => within(c.span, offset)) ?? -1;
      if (i >= 0 && row.cells) return { table, row, column: row.columns[i], columnIndex: i, cell: row.cells[i] };
    }
  }
  return null;
}

function termText(report: Report, table: ParsedTable, rowId: string, columnId: string, by: 'row' | 'column'): { text: string; value: number } | null {
  const u = usableCell(table, rowId, columnId);
  if (!u) return null;
  const value = u.cell.value ?? 0;
  return { text: `${by === 'row' ? columnTitle(u.column) : shortLabel(u.row.label)} ${value}`, value };
}

function side(parts: { text: string; value: number }[]): string {
  const shown = parts.length > 8 ? parts.filter((p) => p.value !== 0) : parts;
  const text = shown.map((p) => p.text);
  if (shown.length < parts.length) text.push('…');
  return text.length ? text.join(' + ') : '0';
}

/** Every identity of the template in which this cell is a term, evaluated with the report's values. */
export function identitiesOf(report: Report, table: ParsedTable, rowId: string, columnId: string): IdentityInfo[] {
  const out: IdentityInfo[] = [];
  for (const identity of report.template.identities) {
    if (identity.table !== table.id) continue;
    const [over, member] = identity.forEach === 'row' ? [rowId, columnId] : [columnId, rowId];
    if (!identity.over.includes(over) || ![...identity.left, ...identity.right].includes(member)) continue;
    const term = (id: string) => termText(report, table, identity.forEach === 'row' ? over : id, identity.forEach === 'row' ? id : over, identity.forEach);
    const left = identity.left.map(term);
    const right = identity.right.map(term);
    if (left.includes(null) || right.includes(null)) continue;
    const l = left as { text: string; value: number }[];
    const r = right as { text: string; value: number }[];
    const sum = (xs: { value: number }[]) => Math.round(xs.reduce((s, x) => s + x.value, 0) * 1e6) / 1e6;
    const ls = sum(l);
    const rs = sum(r);
    const formula = l.length === 1
      ? `${l[0].text} = ${side(r)} = ${rs}`
      : `${side(l)} = ${ls}；${side(r)} = ${rs}`;
    out.push({ identity, formula, holds: ls === rs });
  }
  return out;
}

/** Inlay hints for numbers that stand apart from their row label (one cell per line, wrapped values). */
export function detachedCells(report: Report): { offset: number; column: string; row: string | null }[] {
  const out: { offset: number; column: string; row: string | null }[] = [];
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = report.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (report.lines[mid].start <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
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

/** The section heading at an offset. */
export function headingAt(report: Report, offset: number) {
  return report.headings.find((h) => within(h.span, offset)) ?? null;
}
