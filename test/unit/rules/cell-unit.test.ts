/** cell-unit: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, replace, ruleCases } from '../support/rule-tester';

ruleCases('cell-unit', {
  valid: [base],
  invalid: [{ name: '件 in a cell', text: replace('行政许可\t0', '行政许可\t18件'), at: '18件', severity: 'info' }],
});
