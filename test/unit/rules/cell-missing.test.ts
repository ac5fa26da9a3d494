/** cell-missing: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, replace, ruleCases } from '../support/rule-tester';

ruleCases('cell-missing', {
  valid: [base],
  invalid: [{ name: 'six numbers', text: replace('2.重复申请\t0\t0\t0\t0\t0\t0\t0', '2.重复申请\t0\t0\t0\t0\t0\t0'), at: '2.重复申请', message: /应有 7 个数，只找到 6 个/ }],
});
