/**
 * The table cells a prose statement is compared with (docs/format.md, "Prose against tables"): one cell, or the cells
 * whose sum the statement gives (予以公开及部分公开, a group such as 不予公开, 行政诉讼 = 直接起诉 +
 * 复议后起诉). Null when any of them was not located or is not a usable number.
 */
import type { Cell, Report } from '../model';
import type { TableId } from '../template/types';
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

/**
 * The value of a cell as the table implies it, for prose compared with the table; null when the cell
 * was not located or is not a usable number. Every prose reading of a cell goes through here: a blank
 * total reads as the sum of its parts (a text saying 258 is compared with 272 + 3, not with 0 + 0).
 */
export function impliedCellValue(report: Report, tableId: TableId, rowId: string, columnId: string): number | null {
  const u = usableCell(report.tables[tableId], rowId, columnId);
  if (!u) return null;
  return (u.cell.kind === 'blank' ? impliedValue(report, tableId, rowId, columnId) : null) ?? u.cell.value;
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

function cellOf(report: Report, table: TableId, rowId: string, columnIds: readonly string[]): TargetCell | null {
  for (const columnId of columnIds) {
    const u = usableCell(report.tables[table], rowId, columnId);
    if (!u) continue;
    const rowName = table === 'review' ? report.template.review.name : shortLabel(u.row.label);
    const columnName = columnTitle(u.column);
    return {
      cell: u.cell, rowId, columnId, rowName, columnName, value: impliedCellValue(report, table, rowId, columnId) ?? 0,
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

/**
 * Sums of cells that contain the target as a part and that writers do state under the target's words:
 * 收到申请 given as 一 + 二 (new plus carried over), 予以公开 as 予以公开 + 部分公开. A stated figure
 * equal to one of them is a reading of the table, not a mismatch with the target alone. Sums a writer
 * would not mean (部分公开 as 予以公开 + 部分公开, 不予公开 as (七)总计, 行政复议 as all of Table 3)
 * are left out: with the small numbers of most reports they would excuse real mismatches by chance.
 */
export function widerSums(report: Report, target: Target): number[] {
  if (target.table !== 'applications') return [];
  const rows = target.id === 'R1' || target.id === 'R2' ? ['R1', 'R2'] : target.id === 'R3.1' ? ['R3.1', 'R3.2'] : [];
  if (!rows.length) return [];
  let sum = 0;
  for (const r of rows) {
    const c = cellOf(report, 'applications', r, ['total']);
    if (!c) return [];
    sum += c.value;
  }
  return [Math.round(sum * 1e6) / 1e6];
}
