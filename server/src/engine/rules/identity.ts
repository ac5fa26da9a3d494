/**
 * The generic identity checker: every arithmetic rule is an identity of the template data
 * (`left` = `right`, for each row or each column), evaluated only when all its cells were located.
 */
import type { MessageArgs, MessageKey } from '../../messages';
import type { Cell, Report } from '../model';
import type { IdentityDef } from '../template/types';
import type { ColumnDef } from '../template/types';
import { blankTotalSum } from './blank-total';
import { columnTitle, shortLabel, usableCell } from './helpers';
import type { FindingDraft, Rule, RuleContext } from './types';

interface Term {
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

const cellKey = (rowId: string, columnId: string) => `${rowId}\u0000${columnId}`;

/**
 * Every broken instance of an identity in the report. `corrections` replaces the values of cells
 * known to be wrong totals (from another identity) by the sum of their parts.
 */
const PLAIN = new WeakMap<Report, Map<IdentityDef, BrokenIdentity[]>>();

export function brokenIdentities(report: Report, identity: IdentityDef, corrections?: ReadonlyMap<string, number>): BrokenIdentity[] {
  // Several rules and helpers ask for the same identity with the written values: evaluate it once per report.
  if (corrections && corrections.size) return evaluateIdentity(report, identity, corrections);
  let byIdentity = PLAIN.get(report);
  if (!byIdentity) PLAIN.set(report, (byIdentity = new Map()));
  let result = byIdentity.get(identity);
  if (!result) byIdentity.set(identity, (result = evaluateIdentity(report, identity, new Map())));
  return result;
}

function evaluateIdentity(report: Report, identity: IdentityDef, corrections: ReadonlyMap<string, number>): BrokenIdentity[] {
  const table = report.tables[identity.table];
  if (!table) return [];
  const out: BrokenIdentity[] = [];
  for (const over of identity.over) {
    const address = (id: string) => (identity.forEach === 'row' ? [over, id] : [id, over]) as [string, string];
    const term = (id: string): Term | null => {
      const [rowId, columnId] = address(id);
      const u = usableCell(table, rowId, columnId);
      if (!u) return null;
      const corrected = corrections.get(cellKey(rowId, columnId));
      // A blank total whose sum is certain reads as that sum: blanks written for zeros break no identity by themselves.
      const value = corrected ?? (u.cell.kind === 'blank' ? blankTotalSum(report, identity.table, rowId, columnId) : null) ?? u.cell.value ?? 0;
      return { cell: u.cell, rowId, rowLabel: u.row.label, column: u.column, value, corrected: corrected !== undefined };
    };
    const left = identity.left.map(term);
    const right = identity.right.map(term);
    if (left.includes(null) || right.includes(null)) continue;
    const l = left as Term[];
    const r = right as Term[];
    const leftSum = round(l.reduce((s, t) => s + t.value, 0));
    const rightSum = round(r.reduce((s, t) => s + t.value, 0));
    if (leftSum === rightSum) continue;
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

function formula(terms: readonly Term[], by: 'row' | 'column', sum: number): string {
  const parts = terms.map((t) => `${by === 'row' ? columnTitle(t.column) : shortLabel(t.rowLabel)} ${t.value}`);
  const shown = parts.length > 8 ? [...parts.filter((_, i) => terms[i].value !== 0), `…`] : parts;
  return `${(shown.length ? shown : ['0']).join(' + ')} = ${sum}`;
}

/** The expected values of the totals that `rule`'s identities find broken, by cell. */
function correctionsFrom(report: Report, rules: readonly IdentityDef['rule'][]): Map<string, number> {
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
function reportedInstances(report: Report, identity: IdentityDef, corrections?: ReadonlyMap<string, number>): BrokenIdentity[] {
  const plain = brokenIdentities(report, identity);
  if (!corrections || !corrections.size || !plain.length) return plain;
  const brokenOver = new Set(plain.map((b) => b.over));
  return brokenIdentities(report, identity, corrections).filter((b) => brokenOver.has(b.over));
}

/**
 * A rule checking the template's identities of one kind. `trusts` names rules whose broken totals
 * are replaced by the sum of their parts here (balance uses the outcomes' sum, not a wrong 总计).
 */
export function identityRule(
  code: IdentityDef['rule'],
  describe: (b: BrokenIdentity) => { key: MessageKey; args: MessageArgs },
  trusts: readonly IdentityDef['rule'][] = [],
  fixTitle: (b: BrokenIdentity) => { key: MessageKey; args: MessageArgs } = (b) => ({ key: 'fix.setTotal', args: { expected: b.expected } }),
): Rule {
  return {
    code, aliases: [], defaultSeverity: 'error', tags: ['table', 'arithmetic'], fix: 'suggestion',
    run(report: Report, ctx: RuleContext) {
      const corrections = trusts.length ? correctionsFrom(report, trusts) : undefined;
      for (const identity of report.template.identities) {
        if (identity.rule !== code) continue;
        for (const b of reportedInstances(report, identity, corrections)) {
          // A blank total whose sum is certain is cell-blank's finding, whose fix writes that sum.
          if (identity.total && b.target.cell.kind === 'blank' && blankTotalSum(report, identity.table, b.target.rowId, b.target.column.id) !== null) continue;
          const others = [...b.left, ...b.right].filter((t) => t !== b.target);
          const finding: FindingDraft = {
            span: b.target.cell.span,
            message: describe(b),
            related: others.map((t) => ({
              span: t.cell.span,
              message: { key: 'related.cell', args: { row: shortLabel(t.rowLabel), column: columnTitle(t.column), value: t.cell.raw || '0' } },
            })),
            suggestions: b.expected >= 0 && b.target.cell.kind === 'number'
              ? [{ title: fixTitle(b), edits: [{ span: b.target.cell.span, newText: String(b.expected) }] }]
              : [],
            target: { row: b.target.rowId, column: b.target.column.id },
          };
          ctx.report(finding);
        }
      }
    },
  };
}

export const rowTotal = identityRule('row-total', (b) => ({
  key: 'row-total',
  args: { row: shortLabel(b.target.rowLabel), expected: b.expected, actual: b.target.cell.value ?? 0, formula: formula(b.right, 'row', b.rightSum) },
}));

export const itemTotal = identityRule('item-total', (b) => ({
  key: 'item-total',
  args: { column: columnTitle(b.target.column), expected: b.expected, actual: b.target.cell.value ?? 0, formula: formula(b.right, 'column', b.rightSum) },
}));

export const balance = identityRule('balance', (b) => {
  const corrected = b.right.find((t) => t.corrected);
  return {
    key: corrected ? 'balance.corrected' : 'balance',
    args: {
      column: columnTitle(b.target.column), left: b.leftSum, right: b.rightSum, expected: b.expected, actual: b.target.cell.value ?? 0,
      outcomes: corrected?.value ?? 0,
    },
  };
}, ['row-total', 'item-total'], (b) => ({ key: 'fix.setCell', args: { row: shortLabel(b.target.rowLabel), column: columnTitle(b.target.column), expected: b.expected } }));

const GROUP_NAMES: Record<string, string> = { review: '行政复议', direct: '行政诉讼·未经复议直接起诉', afterReview: '行政诉讼·复议后起诉' };

export const reviewTotal = identityRule('review-total', (b) => ({
  key: 'review-total',
  args: {
    group: GROUP_NAMES[b.target.column.group ?? ''] ?? columnTitle(b.target.column),
    expected: b.expected, actual: b.target.cell.value ?? 0, formula: formula(b.right, 'row', b.rightSum),
  },
}));

/** Every broken identity of the report, evaluated as the rules evaluate them (balance trusting item-total). */
export function allBrokenIdentities(report: Report): BrokenIdentity[] {
  const corrections = correctionsFrom(report, ['row-total', 'item-total']);
  return report.template.identities.flatMap((identity) => reportedInstances(report, identity, identity.rule === 'balance' ? corrections : undefined));
}
