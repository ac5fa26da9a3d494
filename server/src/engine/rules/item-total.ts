/** item-total: （七）总计 against the sum of the outcomes, column by column. */
import { formula, identityRule } from './identity-rule';
import { columnTitle } from '../query/labels';

export const itemTotal = identityRule('item-total', (b) => ({
  key: 'item-total',
  args: { column: columnTitle(b.target.column), expected: b.expected, actual: b.target.cell.value ?? 0, formula: formula(b.right, 'column', b.rightSum) },
}));
