/** review-total: each group of Table 3 (复议, 直接起诉, 复议后起诉) against the sum of its outcomes. */
import { formula, identityRule } from './identity-rule';
import { columnTitle, REVIEW_GROUPS } from '../query/labels';

export const reviewTotal = identityRule('review-total', (b) => ({
  key: 'review-total',
  args: {
    group: REVIEW_GROUPS[b.target.column.group ?? '']?.full ?? columnTitle(b.target.column),
    expected: b.expected, actual: b.target.cell.value ?? 0, formula: formula(b.right, 'row', b.rightSum),
  },
}));
