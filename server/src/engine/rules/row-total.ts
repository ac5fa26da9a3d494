/** row-total: a row's 总计 against the sum of its columns. */
import { formula, identityRule } from './identity-rule';
import { shortLabel } from '../query/labels';

export const rowTotal = identityRule('row-total', (b) => ({
  key: 'row-total',
  args: { row: shortLabel(b.target.rowLabel), expected: b.expected, actual: b.target.cell.value ?? 0, formula: formula(b.right, 'row', b.rightSum) },
}));
