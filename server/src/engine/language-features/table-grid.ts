/**
 * The report's tables as grids for the table preview: every cell with its value, and the cells of
 * broken identities marked (the reported cell with the value it should have).
 */
import type { LayoutId, Report, Span } from '../model';
import { TABLE_IDS } from '../template/tables';
import type { TableId } from '../template/types';
import { cellKey } from '../query/cells';
import { columnTitle, shortLabel } from '../query/labels';
import { expectedRows } from '../query/structure';
import { allBrokenIdentities } from '../query/identities';

export interface GridCell {
  readonly text: string;
  readonly span: Span | null;
  /** 'total': the cell reported for a broken identity; 'part': another cell of one. */
  readonly mark: 'total' | 'part' | null;
  readonly expected: number | null;
  readonly kind: 'number' | 'blank' | 'text' | 'missing';
}

export interface GridRow {
  readonly id: string;
  readonly label: string;
  readonly labelSpan: Span | null;
  readonly cells: readonly GridCell[];
}

export interface GridTable {
  readonly id: TableId;
  readonly name: string;
  readonly version: string;
  readonly columns: readonly string[];
  readonly rows: readonly GridRow[];
  /** The layout the table was read as, and whether it could be read at all (unreadable: no rows). */
  readonly layout: LayoutId | null;
  readonly readable: boolean;
}

export function tableGrids(report: Report): GridTable[] {
  const broken = allBrokenIdentities(report);
  const key = cellKey;
  const totals = new Map<string, number>();
  const parts = new Set<string>();
  for (const b of broken) {
    totals.set(key(b.target.rowId, b.target.column.id), b.expected);
    for (const t of [...b.left, ...b.right]) if (t !== b.target) parts.add(key(t.rowId, t.column.id));
  }
  const out: GridTable[] = [];
  for (const id of TABLE_IDS) {
    const table = report.tables[id];
    if (!table) continue;
    const readable = table.reading?.readable ?? true;
    const expected = readable ? expectedRows(report, id) : [];
    const width = Math.max(...table.rows.map((r) => r.columns.length), 1);
    const columns = id === 'active' ? [] : report.template[id].columns.map(columnTitle);
    const rows: GridRow[] = expected.map((e) => {
      const row = table.rows.find((r) => r.id === e.id);
      if (!row) return { id: e.id, label: shortLabel(e.label), labelSpan: null, cells: Array.from({ length: width }, () => ({ text: '', span: null, mark: null, expected: null, kind: 'missing' as const })) };
      const cells: GridCell[] = row.cells
        ? row.cells.map((c, i) => {
          const k = key(row.id, row.columns[i].id);
          return { text: c.raw, span: c.span, mark: totals.has(k) ? 'total' : parts.has(k) ? 'part' : null, expected: totals.get(k) ?? null, kind: c.kind };
        })
        : row.found.map((c) => ({ text: c.raw, span: c.span, mark: null, expected: null, kind: c.kind }));
      const label = id === 'active' ? `${shortLabel(row.label)}（${row.columns.map(columnTitle).join(' / ')}）` : shortLabel(row.label);
      return { id: row.id, label, labelSpan: row.labelSpan, cells };
    });
    out.push({
      id, name: report.template[id].name, version: table.version, columns, rows, layout: table.reading?.layout ?? null, readable,
    });
  }
  return out;
}
