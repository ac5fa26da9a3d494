/** The one value a blank total can take (spec §4.3: a quick fix may fill a blank total with the computed sum). */
import type { Report } from '../model';
import type { TableId } from '../template/types';
import { usableCell } from './cells';

/**
 * The sum of the parts of a blank cell that is the total of identities, when every identity with
 * this total has all its parts read and they agree; null otherwise (no single right value).
 */
export function blankTotalSum(report: Report, tableId: TableId, rowId: string, columnId: string): number | null {
  const table = report.tables[tableId];
  let value: number | null = null;
  for (const identity of report.template.identities) {
    if (identity.table !== tableId || !identity.total) continue;
    const byRow = identity.forEach === 'row';
    if (!identity.over.includes(byRow ? rowId : columnId) || identity.total !== (byRow ? columnId : rowId)) continue;
    const parts = identity.right.map((id) => usableCell(table, byRow ? rowId : id, byRow ? id : columnId));
    if (parts.some((p) => !p)) return null;
    const sum = Math.round(parts.reduce((s, p) => s + (p!.cell.value ?? 0), 0) * 1e6) / 1e6;
    if (value !== null && value !== sum) return null;
    value = sum;
  }
  if (value === null) return null;
  // The cell is also a part elsewhere ((七)总计's row total, balance): the sum must not break those either
  // (a blank (七)总计 cell filled with its column's sum broke the row's total and the balance).
  for (const identity of report.template.identities) {
    const byRow = identity.forEach === 'row';
    const own = byRow ? columnId : rowId;
    if (identity.table !== tableId || !identity.over.includes(byRow ? rowId : columnId) || identity.total === own) continue;
    if (!identity.left.includes(own) && !identity.right.includes(own)) continue;
    const side = (ids: readonly string[]): number | null => {
      let s = 0;
      for (const id of ids) {
        const u = id === own ? null : usableCell(table, byRow ? rowId : id, byRow ? id : columnId);
        if (id !== own && !u) return null;
        s += id === own ? (value as number) : u!.cell.value ?? 0;
      }
      return Math.round(s * 1e6) / 1e6;
    };
    const l = side(identity.left);
    const r = side(identity.right);
    if (l !== null && r !== null && l !== r) return null;
  }
  return value;
}
