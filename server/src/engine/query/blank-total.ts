/**
 * Blank totals (spec §4.3): tables that write zeros as blanks often leave the 总计 cells blank too. A
 * blank total's value is implied by its parts: the identities read it as that sum, not as 0, so a blank
 * total breaks nothing by itself, and a fix may write the sum — but only when it is certain.
 */
import type { Report } from '../model';
import type { IdentityDef, TableId } from '../template/types';
import { usableCellsOf } from './cells';

const key = (rowId: string, columnId: string) => `${rowId}\u0000${columnId}`;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export interface ImpliedTotals {
  /** The value each blank total implies (the sum of its parts), when every identity with it as total agrees. */
  readonly values: ReadonlyMap<string, number>;
  /** Of those, the ones whose value breaks no identity the cell takes part in: a fix may write them. */
  readonly certain: ReadonlySet<string>;
}

const CACHE = new WeakMap<Report, Map<TableId, ImpliedTotals>>();

function instancesOf(report: Report, tableId: TableId): { identity: IdentityDef; over: string }[] {
  const out: { identity: IdentityDef; over: string }[] = [];
  for (const identity of report.template.identities) {
    if (identity.table !== tableId) continue;
    for (const over of identity.over) out.push({ identity, over });
  }
  return out;
}

const address = (identity: IdentityDef, over: string, id: string): [string, string] => (identity.forEach === 'row' ? [over, id] : [id, over]);

export function impliedTotals(report: Report, tableId: TableId): ImpliedTotals {
  let perTable = CACHE.get(report);
  if (!perTable) CACHE.set(report, perTable = new Map<TableId, ImpliedTotals>());
  const known = perTable.get(tableId);
  if (known) return known;
  const cellAt = usableCellsOf(report.tables[tableId]);
  const instances = instancesOf(report, tableId);
  const values = new Map<string, number>();
  const conflicting = new Set<string>();
  // The blank cells that are some identity's total: only those take an implied value.
  const blankTotals = new Set<string>();
  for (const { identity, over } of instances) {
    if (!identity.total) continue;
    const [r, c] = address(identity, over, identity.total);
    const u = cellAt(r, c);
    if (u && u.cell.kind === 'blank') blankTotals.add(key(r, c));
  }
  // A total's parts may be blank totals themselves ((七)总计's 总计 over the rows' blank 总计): settle
  // the values in passes, each total once all its parts are known.
  for (let pass = 0, changed = true; changed && pass < 6; pass++) {
    changed = false;
    for (const { identity, over } of instances) {
      if (!identity.total) continue;
      const [tr, tc] = address(identity, over, identity.total);
      const k = key(tr, tc);
      if (!blankTotals.has(k) || conflicting.has(k)) continue;
      let sum = 0;
      let complete = true;
      for (const id of identity.right) {
        const [r, c] = address(identity, over, id);
        const u = cellAt(r, c);
        if (!u) { complete = false; break; }
        const pk = key(r, c);
        if (blankTotals.has(pk)) {
          if (!values.has(pk)) { complete = false; break; }
          sum += values.get(pk) as number;
        } else sum += u.cell.value ?? 0;
      }
      if (!complete) continue;
      const v = round(sum);
      const had = values.get(k);
      if (had === undefined) {
        values.set(k, v);
        changed = true;
      } else if (had !== v) {
        conflicting.add(k);
        values.delete(k);
        changed = true;
      }
    }
  }
  // No blank total takes a value (the usual table): nothing to make certain.
  if (values.size === 0) {
    const none: ImpliedTotals = { values, certain: new Set() };
    perTable.set(tableId, none);
    return none;
  }
  // Certain: no identity the cell takes part in is broken by the implied value where it held with the
  // cell read as 0 (a blank （七）总计 filled with its column's sum must not break the row's total).
  const valueAt = (r: string, c: string, zero: string | null): number | null => {
    const u = cellAt(r, c);
    if (!u) return null;
    const k = key(r, c);
    return k === zero ? 0 : values.get(k) ?? u.cell.value ?? 0;
  };
  const holds = (identity: IdentityDef, over: string, zero: string | null): boolean | null => {
    const side = (xs: readonly string[]) => {
      let s = 0;
      for (const id of xs) {
        const v = valueAt(...address(identity, over, id), zero);
        if (v === null) return null;
        s += v;
      }
      return round(s);
    };
    const l = side(identity.left);
    const r = side(identity.right);
    return l === null || r === null ? null : l === r;
  };
  const uncertain = new Set<string>();
  for (const { identity, over } of instances) {
    if (holds(identity, over, null) !== false) continue;
    for (const id of [...identity.left, ...identity.right]) {
      const k = key(...address(identity, over, id));
      if (values.has(k) && holds(identity, over, k) === true) uncertain.add(k);
    }
  }
  const certain = new Set([...values.keys()].filter((k) => !uncertain.has(k)));
  const result: ImpliedTotals = { values, certain };
  perTable.set(tableId, result);
  return result;
}

/** The implied value of a blank total when a fix may write it; null otherwise. */
export function blankTotalSum(report: Report, tableId: TableId, rowId: string, columnId: string): number | null {
  const implied = impliedTotals(report, tableId);
  const k = key(rowId, columnId);
  return implied.certain.has(k) ? implied.values.get(k) ?? null : null;
}

/** The implied value of a blank total (certain or not); null when the cell is not one. */
export function impliedValue(report: Report, tableId: TableId, rowId: string, columnId: string): number | null {
  return impliedTotals(report, tableId).values.get(key(rowId, columnId)) ?? null;
}

/** Whether the cell is the total of one of the table's identities (its value is the sum of parts). */
export function isTotalCell(report: Report, tableId: TableId, rowId: string, columnId: string): boolean {
  return report.template.identities.some((identity) => identity.table === tableId && identity.total !== null
    && identity.over.includes(identity.forEach === 'row' ? rowId : columnId)
    && identity.total === (identity.forEach === 'row' ? columnId : rowId));
}
