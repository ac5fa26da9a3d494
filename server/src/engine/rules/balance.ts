/** balance: 第一项 + 第二项 = 第三项（七）总计 + 第四项, trusting the outcomes' sum over a wrong 总计. */
import { identityRule } from './identity-rule';
import { columnTitle, shortLabel } from '../query/labels';

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
