/** row-missing: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, replace, ruleCases } from '../support/rule-tester';

ruleCases('row-missing', {
  valid: [base],
  invalid: [{ name: 'R3.3.5 left out', text: replace('5.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0\n', ''), at: '6.属于四类过程性信息', message: /缺少「5.属于三类内部事务信息」行/ }],
});
