/**
 * The table cells a prose statement is compared with (spec §8.1): one cell, or the cells
 * whose sum the statement gives (予以公开及部分公开, a group such as 不予公开, 行政诉讼 = 直接起诉 +
 * 复议后起诉). Null when any of them was not located or is not a usable number.
 */
import type { Cell, Report } from '../model';
import type { ColumnDef } from '../template/types';
import { columnTitle, shortLabel } from '../query/labels';
import { usableCell } from '../query/cells';
import { impliedValue } from '../query/blank-total';
import type { Target } from './statements';

export interface TargetCell {
  readonly cell: Cell;
  readonly rowId: string;
  readonly columnId: string;
  /** `予以公开 · 总计`, `行政复议·总计`. */
  readonly name: string;
  readonly rowName: string;
  readonly columnName: string;
  readonly value: number;
}

function applicationRows(report: Report, id: string): string[] {
  switch (id) {
    case 'R3.1+R3.2': return ['R3.1', 'R3.2'];
    case 'R3.3': case 'R3.4': case 'R3.5':
      return report.template.applications.rows.filter((r) => r.group === id).map((r) => r.id);
    case 'R3.6':
      // 2019: one numeric row; 2021: a group of three.
      return report.template.applications.rows.some((r) => r.id === 'R3.6')
        ? ['R3.6'] : report.template.applications.rows.filter((r) => r.group === 'R3.6').map((r) => r.id);
    default: return [id];
  }
}

function cellOf(report: Report, table: 'applications' | 'review' | 'active', rowId: string, columnIds: readonly string[]): TargetCell | null {
  for (const columnId of columnIds) {
    const u = usableCell(report.tables[table], rowId, columnId);
    if (!u) continue;
    const rowName = table === 'review' ? report.template.review.name : shortLabel(u.row.label);
    const columnName = columnTitle(u.column as ColumnDef);
    // A blank total stands for the sum of its parts (tables that write zeros as blanks leave 总计 blank too).
    const value = (u.cell.kind === 'blank' ? impliedValue(report, table, rowId, columnId) : null) ?? u.cell.value ?? 0;
    return {
      cell: u.cell, rowId, columnId, rowName, columnName, value,
      name: table === 'review' ? columnName : `${rowName} · ${columnName}`,
    };
  }
  return null;
}

/** The cells of a target, or null when one of them cannot be read. */
export function targetCells(report: Report, target: Target): TargetCell[] | null {
  const out: TargetCell[] = [];
  const add = (c: TargetCell | null) => { if (c) out.push(c); return c !== null; };
  if (target.table === 'applications') {
    for (const row of applicationRows(report, target.id)) if (!add(cellOf(report, 'applications', row, ['total']))) return null;
  } else if (target.table === 'review') {
    const groups = target.id === 'review' ? ['review'] : ['direct', 'afterReview'];
    for (const g of groups) if (!add(cellOf(report, 'review', 'cases', [`${g}.total`]))) return null;
  } else {
    if (!add(cellOf(report, 'active', target.id.row, target.id.columns))) return null;
  }
  return out.length ? out : null;
}

/** The outcome cells other than 维持 of a 行政复议 or 行政诉讼 group (for 均维持). */
export function notUpheldCells(report: Report, id: 'review' | 'litigation'): TargetCell[] | null {
  const out: TargetCell[] = [];
  for (const g of id === 'review' ? ['review'] : ['direct', 'afterReview']) {
    for (const o of ['corrected', 'other', 'pending']) {
      const c = cellOf(report, 'review', 'cases', [`${g}.${o}`]);
      if (!c) return null;
      out.push(c);
    }
  }
  return out;
}

export function sumOf(cells: readonly TargetCell[]): number {
  return Math.round(cells.reduce((s, c) => s + c.value, 0) * 1e6) / 1e6;
}
