/**
 * Identity evaluation: every arithmetic rule is an identity of the template data (`left` = `right`, for each
 * row or each column), evaluated only when all its cells were located. The rules, the hover and the table
 * preview read the same evaluation.
 */
import type { Cell, Report } from '../model';
import type { ColumnDef, IdentityDef } from '../template/types';
import { blankTotalSum, impliedTotals, type ImpliedTotals } from './blank-total';
import { cellKey, usableCellsOf, usableCellValuesOf, type UsableCell } from './cells';

export interface Term {
  readonly cell: Cell;
  /** The value used: the cell's own, or the sum of its parts when the cell is a broken total. */
  readonly value: number;
  readonly corrected: boolean;
  readonly rowId: string;
  readonly rowLabel: string;
  readonly column: ColumnDef;
}

export interface BrokenIdentity {
  readonly identity: IdentityDef;
  /** The row (forEach row) or column (forEach column) it was evaluated for. */
  readonly over: string;
  readonly left: readonly Term[];
  readonly right: readonly Term[];
  /** The cell reported: the total, or for `balance` the carried-forward cell. */
  readonly target: Term;
  readonly leftSum: number;
  readonly rightSum: number;
  /** The value the target would need for the identity to hold. */
  readonly expected: number;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Every broken instance of an identity in the report. `corrections` replaces the values of cells
 * known to be wrong totals (from another identity) by the sum of their parts.
 */
const PLAIN = new WeakMap<Report, Map<IdentityDef, BrokenIdentity[]>>();

export function brokenIdentities(report: Report, identity: IdentityDef, corrections?: ReadonlyMap<string, number>): BrokenIdentity[] {
  // Several rules and helpers ask for the same identity with the written values: evaluate it once per report.
  if (corrections && corrections.size) return evaluateIdentity(report, identity, corrections);
  let byIdentity = PLAIN.get(report);
  if (!byIdentity) PLAIN.set(report, (byIdentity = new Map<IdentityDef, BrokenIdentity[]>()));
  let result = byIdentity.get(identity);
  if (!result) byIdentity.set(identity, (result = evaluateIdentity(report, identity, new Map())));
  return result;
}

function evaluateIdentity(report: Report, identity: IdentityDef, corrections: ReadonlyMap<string, number>): BrokenIdentity[] {
  const table = report.tables[identity.table];
  if (!table) return [];
  const out: BrokenIdentity[] = [];
  const cellAt = usableCellsOf(table);
  const cellValueAt = usableCellValuesOf(table);
  const byRow = identity.forEach === 'row';
  /** The table's blank totals, looked up at the first blank cell read. */
  let implied: ImpliedTotals | undefined;
  /** The value a cell counts for, or null when it is not usable. */
  const valueOf = (rowId: string, columnId: string): number | null => {
    const cell = cellValueAt(rowId, columnId);
    return cell ? valueOfCell(cell, rowId, columnId) : null;
  };
  /** The value a usable cell counts for. */
  const valueOfCell = (cell: Cell, rowId: string, columnId: string): number => {
    const corrected = corrections.size ? corrections.get(cellKey(rowId, columnId)) : undefined;
    if (corrected !== undefined) return corrected;
    // A blank total whose sum is certain reads as that sum: blanks written for zeros break no identity by themselves.
    if (cell.kind === 'blank') {
      implied ??= impliedTotals(report, identity.table);
      const sum = implied.certain.size ? blankTotalSum(report, identity.table, rowId, columnId) : null;
      if (sum !== null) return sum;
    }
    return cell.value ?? 0;
  };
  /** One side's sum, rounded; null when a cell of it is not usable. */
  const sideSum = (ids: readonly string[], over: string): number | null => {
    let sum = 0;
    for (const id of ids) {
      const v = byRow ? valueOf(over, id) : valueOf(id, over);
      if (v === null) return null;
      sum += v;
    }
    return round(sum);
  };
  for (const over of identity.over) {
    // Most instances hold: compare the sums first and build the terms only for a broken one.
    const leftSum = sideSum(identity.left, over);
    const rightSum = leftSum === null ? null : sideSum(identity.right, over);
    if (leftSum === null || rightSum === null || leftSum === rightSum) continue;
    const term = (id: string): Term => {
      const rowId = byRow ? over : id;
      const columnId = byRow ? id : over;
      const u = cellAt(rowId, columnId) as UsableCell;
      const corrected = corrections.size ? corrections.get(cellKey(rowId, columnId)) !== undefined : false;
      const value = valueOfCell(u.cell, rowId, columnId);
      return { cell: u.cell, rowId, rowLabel: u.row.label, column: u.column, value, corrected };
    };
    const l = identity.left.map(term);
    const r = identity.right.map(term);
    const totalId = identity.total ?? identity.right[identity.right.length - 1];
    const onLeft = identity.left.includes(totalId);
    const target = (onLeft ? l : r)[(onLeft ? identity.left : identity.right).indexOf(totalId)];
    const own = onLeft ? leftSum : rightSum;
    const other = onLeft ? rightSum : leftSum;
    const expected = round(other - (own - target.value));
    out.push({ identity, over, left: l, right: r, target, leftSum, rightSum, expected });
  }
  return out;
}

/** The expected values of the totals that `rule`'s identities find broken, by cell. */
export function correctionsFrom(report: Report, rules: readonly IdentityDef['rule'][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const identity of report.template.identities) {
    if (!rules.includes(identity.rule)) continue;
    for (const b of brokenIdentities(report, identity)) out.set(cellKey(b.target.rowId, b.target.column.id), b.expected);
  }
  return out;
}

/**
 * The broken instances of an identity as a rule reports them. With `corrections` (balance trusting
 * item-total), an instance broken with the written values is re-evaluated with the wrong totals
 * replaced by the sum of their parts; when it then holds, the fault is the total's alone and is not
 * reported twice. An instance that holds with the written values is never reported: when a leaf is
 * wrong rather than the total, the written （七）总计 still balances.
 */
export function reportedInstances(report: Report, identity: IdentityDef, corrections?: ReadonlyMap<string, number>): BrokenIdentity[] {
  const plain = brokenIdentities(report, identity);
  if (!corrections || !corrections.size || !plain.length) return plain;
  const brokenOver = new Set(plain.map((b) => b.over));
  return brokenIdentities(report, identity, corrections).filter((b) => brokenOver.has(b.over));
}

/** Every broken identity of the report, evaluated as the rules evaluate them (balance trusting item-total). */
export function allBrokenIdentities(report: Report): BrokenIdentity[] {
  const corrections = correctionsFrom(report, ['row-total', 'item-total']);
  return report.template.identities.flatMap((identity) => reportedInstances(report, identity, identity.rule === 'balance' ? corrections : undefined));
}
