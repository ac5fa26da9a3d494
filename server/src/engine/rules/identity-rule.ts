/**
 * The shape shared by the arithmetic rules (row-total, item-total, balance, review-total): each reports the
 * broken instances of its kind of template identity, on the total, with the other cells related.
 */
import type { MessageArgs, MessageKey } from '../../messages';
import type { Report } from '../model';
import type { IdentityDef } from '../template/types';
import { blankTotalSum } from '../query/blank-total';
import { correctionsFrom, reportedInstances, type BrokenIdentity, type Term } from '../query/identities';
import { columnTitle, shortLabel } from '../query/labels';
import type { FindingDraft, Rule, RuleContext } from './types';

/** `自然人 7 + 商业企业 3 + … = 11`: the terms of one side with their values. */
export function formula(terms: readonly Term[], by: 'row' | 'column', sum: number): string {
  const parts = terms.map((t) => `${by === 'row' ? columnTitle(t.column) : shortLabel(t.rowLabel)} ${t.value}`);
  const shown = parts.length > 8 ? [...parts.filter((_, i) => terms[i].value !== 0), `…`] : parts;
  return `${(shown.length ? shown : ['0']).join(' + ')} = ${sum}`;
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

