/** cell-extra: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, replace, ruleCases } from '../support/rule-tester';

ruleCases('cell-extra', {
  valid: [base],
  invalid: [{ name: 'a row label lost: its numbers land on the row above', text: replace('2.重复申请\t0\t0\t0\t0\t0\t0\t0\n', '\t9\t9\t9\t9\t9\t9\t9\n'), at: '9\t9\t9\t9\t9\t9\t9', severity: 'warning' }],
});
