/** Table cells of two reports side by side: values, change, per cent, large swings, rows found in one only. */
import type { Report, Span, TableRow } from '../model';
import { columnTitle } from '../query/labels';
import { positionAt } from '../text/lines';
import { VALUE_COLUMNS, reportCells, type CellValue } from '../values';
import type { CarryOverLink, CellChange, RowChange, TextRange } from './types';

export function rangeIn(report: Report, span: Span): TextRange {
  return { start: positionAt(report.lines, span.start), end: positionAt(report.lines, span.end) };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The change between two values and whether it is a large swing. */
export function changeOf(previous: number | null, current: number | null, threshold: number): Pick<CellChange, 'change' | 'percent' | 'large'> {
  if (previous === null || current === null) return { change: null, percent: null, large: false };
  // Decimal cells (万元): keep the difference free of binary noise.
  const change = Math.round((current - previous) * 1e4) / 1e4;
  if (previous === 0) return { change, percent: null, large: current !== 0 };
  const percent = round1((change / Math.abs(previous)) * 100);
  return { change, percent, large: Math.abs(percent) > threshold };
}

export interface CellComparison {
  readonly cells: CellChange[];
  readonly rows: RowChange[];
  readonly previousOnly: string[];
  readonly currentOnly: string[];
}

const rowKey = (c: { table: string; row: string }) => `${c.table}.${c.row}`;

export function compareCells(previous: Report, current: Report, threshold: number): CellComparison {
  const before = new Map(reportCells(previous).map((c) => [c.id, c]));
  const now = new Map(reportCells(current).map((c) => [c.id, c]));
  const pv = previous.version.used;
  const cv = current.version.used;
  const cells: CellChange[] = [];
  const previousOnly: string[] = [];
  const currentOnly: string[] = [];
  for (const col of VALUE_COLUMNS) {
    const inPrevious = col.versions.includes(pv) || before.has(col.id);
    const inCurrent = col.versions.includes(cv) || now.has(col.id);
    if (!inPrevious && !inCurrent) continue;
    if (!inCurrent) {
      previousOnly.push(col.id);
      continue;
    }
    if (!inPrevious) {
      currentOnly.push(col.id);
      continue;
    }
    const a: CellValue | undefined = before.get(col.id);
    const b: CellValue | undefined = now.get(col.id);
    const previousValue = a?.value ?? null;
    const currentValue = b?.value ?? null;
    cells.push({
      id: col.id, table: col.table, row: col.row, column: col.column, label: col.label,
      previous: previousValue, current: currentValue, ...changeOf(previousValue, currentValue, threshold),
      previousRange: a ? rangeIn(previous, a.span) : null,
      currentRange: b ? rangeIn(current, b.span) : null,
    });
  }
  return { cells, rows: compareRows(previous, current, cells), previousOnly, currentOnly };
}

/** Rows that both versions have but only one report contains. */
function compareRows(previous: Report, current: Report, cells: readonly CellChange[]): RowChange[] {
  const seen = new Set<string>();
  const out: RowChange[] = [];
  const rowsOf = (report: Report) => new Map<string, TableRow>(Object.values(report.tables).flatMap((t) => t.rows.map((r): [string, TableRow] => [`${t.id}.${r.id}`, r])));
  const before = rowsOf(previous);
  const now = rowsOf(current);
  for (const c of cells) {
    const key = rowKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    const label = c.label.split('·').slice(0, -1).join('·') || c.label;
    const a = before.get(key);
    const b = now.get(key);
    // A table missing altogether is one finding of its own (table-missing), not a row per row.
    const tableInBoth = previous.tables[c.table] !== undefined && current.tables[c.table] !== undefined;
    if (!tableInBoth) continue;
    if (b && !a) out.push({ table: c.table, row: c.row, label, kind: 'added', range: rangeIn(current, b.labelSpan) });
    if (a && !b) out.push({ table: c.table, row: c.row, label, kind: 'removed', range: rangeIn(previous, a.labelSpan) });
  }
  return out;
}

/** This year's 上年结转 (R2) against last year's 结转下年度继续办理 (R4), column by column. */
export function carryOverLinks(previous: Report, current: Report): CarryOverLink[] {
  const r4 = new Map(reportCells(previous).filter((c) => c.table === 'applications' && c.row === 'R4').map((c) => [c.column, c]));
  const r2 = new Map(reportCells(current).filter((c) => c.table === 'applications' && c.row === 'R2').map((c) => [c.column, c]));
  return current.template.applications.columns.map((column) => {
    const a = r4.get(column.id);
    const b = r2.get(column.id);
    const p = a?.value ?? null;
    const c = b?.value ?? null;
    return {
      column: column.id, label: columnTitle(column), previous: p, current: c,
      holds: p === null || c === null ? null : p === c,
      previousRange: a ? rangeIn(previous, a.span) : null,
      currentRange: b ? rangeIn(current, b.span) : null,
    };
  });
}
