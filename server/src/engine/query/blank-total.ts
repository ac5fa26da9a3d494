/**
 * Blank totals (docs/format.md, "Evaluating identities"): tables that write zeros as blanks often leave the 总计 cells blank too. A
 * blank total's value is implied by its parts: the identities read it as that sum, not as 0, so a blank
 * total breaks nothing by itself, and a fix may write the sum — but only when it is certain.
 */
import type { Cell, Report } from '../model';
import type { TableId, Template } from '../template/types';
import { usableCellValuesOf } from './cells';

const key = (rowId: string, columnId: string) => `${rowId}\u0000${columnId}`;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export interface ImpliedTotals {
  /** The value each blank total implies (the sum of its parts), when every identity with it as total agrees. */
  readonly values: ReadonlyMap<string, number>;
  /** Of those, the ones whose value breaks no identity the cell takes part in: a fix may write them. */
  readonly certain: ReadonlySet<string>;
}

const CACHE = new WeakMap<Report, Map<TableId, ImpliedTotals>>();

/** A cell an identity instance reads, with its key: addressed once per template, not once per report. */
export interface Part {
  readonly row: string;
  readonly column: string;
  readonly key: string;
}

export interface Instance {
  readonly left: readonly Part[];
  readonly right: readonly Part[];
  /** The instance's total cell; null for an identity without one. */
  readonly total: Part | null;
}

const INSTANCES = new WeakMap<Template, Map<TableId, readonly Instance[]>>();

/** Every instance (identity × row or column) of a table's identities, in template order. */
export function instancesOf(template: Template, tableId: TableId): readonly Instance[] {
  let perTable = INSTANCES.get(template);
  if (!perTable) INSTANCES.set(template, perTable = new Map<TableId, readonly Instance[]>());
  const known = perTable.get(tableId);
  if (known) return known;
  const out: Instance[] = [];
  for (const identity of template.identities) {
    if (identity.table !== tableId) continue;
    for (const over of identity.over) {
      const part = (id: string): Part => {
        const [row, column] = identity.forEach === 'row' ? [over, id] : [id, over];
        return { row, column, key: key(row, column) };
      };
      out.push({ left: identity.left.map(part), right: identity.right.map(part), total: identity.total ? part(identity.total) : null });
    }
  }
  perTable.set(tableId, out);
  return out;
}

export function impliedTotals(report: Report, tableId: TableId): ImpliedTotals {
  let perTable = CACHE.get(report);
  if (!perTable) CACHE.set(report, perTable = new Map<TableId, ImpliedTotals>());
  const known = perTable.get(tableId);
  if (known) return known;
  const result = impliedTotalsOver(usableCellValuesOf(report.tables[tableId]), instancesOf(report.template, tableId));
  perTable.set(tableId, result);
  return result;
}

/** A table's usable cells by row and column id (null: not located or not usable), as they are or as a fix would leave them. */
export type CellReader = (rowId: string, columnId: string) => Pick<Cell, 'kind' | 'value'> | null;

/** `impliedTotals` over any reading of a table's cells: the report's own, or the cells a fix would leave. */
export function impliedTotalsOver(cellAt: CellReader, instances: readonly Instance[]): ImpliedTotals {
  const values = new Map<string, number>();
  const conflicting = new Set<string>();
  // The blank cells that are some identity's total: only those take an implied value.
  const blankTotals = new Set<string>();
  for (const { total } of instances) {
    if (!total) continue;
    const c = cellAt(total.row, total.column);
    if (c && c.kind === 'blank') blankTotals.add(total.key);
  }
  // A total's parts may be blank totals themselves ((七)总计's 总计 over the rows' blank 总计): settle
  // the values in passes, each total once all its parts are known. Without a blank total (the usual
  // table) no pass would settle anything.
  for (let pass = 0, changed = blankTotals.size > 0; changed && pass < 6; pass++) {
    changed = false;
    for (const { total, right } of instances) {
      if (!total) continue;
      const k = total.key;
      if (!blankTotals.has(k) || conflicting.has(k)) continue;
      let sum = 0;
      let complete = true;
      for (const p of right) {
        const c = cellAt(p.row, p.column);
        if (!c) { complete = false; break; }
        if (blankTotals.has(p.key)) {
          if (!values.has(p.key)) { complete = false; break; }
          sum += values.get(p.key) as number;
        } else sum += c.value ?? 0;
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
  // No blank total takes a value: nothing to make certain.
  if (values.size === 0) {
    return { values, certain: new Set() };
  }
  // Certain: no identity the cell takes part in is broken by the implied value where it held with the
  // cell read as 0 (a blank （七）总计 filled with its column's sum must not break the row's total).
  const valueAt = (p: Part, zero: string | null): number | null => {
    const c = cellAt(p.row, p.column);
    if (!c) return null;
    return p.key === zero ? 0 : values.get(p.key) ?? c.value ?? 0;
  };
  const holds = (inst: Instance, zero: string | null): boolean | null => {
    const side = (parts: readonly Part[]) => {
      let s = 0;
      for (const p of parts) {
        const v = valueAt(p, zero);
        if (v === null) return null;
        s += v;
      }
      return round(s);
    };
    const l = side(inst.left);
    const r = side(inst.right);
    return l === null || r === null ? null : l === r;
  };
  const uncertain = new Set<string>();
  for (const inst of instances) {
    if (holds(inst, null) !== false) continue;
    for (const p of [...inst.left, ...inst.right]) {
      if (values.has(p.key) && holds(inst, p.key) === true) uncertain.add(p.key);
    }
  }
  const certain = new Set([...values.keys()].filter((k) => !uncertain.has(k)));
  return { values, certain };
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
  return totalCellsOf(report.template, tableId).has(key(rowId, columnId));
}

/** The keys of a table's total cells (some identity's total), per template: read once, not once per blank. */
const TOTAL_CELLS = new WeakMap<Template, Map<TableId, ReadonlySet<string>>>();

function totalCellsOf(template: Template, tableId: TableId): ReadonlySet<string> {
  let perTable = TOTAL_CELLS.get(template);
  if (!perTable) TOTAL_CELLS.set(template, perTable = new Map<TableId, ReadonlySet<string>>());
  let totals = perTable.get(tableId);
  if (!totals) {
    const keys = new Set<string>();
    for (const identity of template.identities) {
      if (identity.table !== tableId || typeof identity.total !== 'string') continue;
      for (const over of identity.over) keys.add(identity.forEach === 'row' ? key(over, identity.total) : key(identity.total, over));
    }
    perTable.set(tableId, totals = keys);
  }
  return totals;
}
