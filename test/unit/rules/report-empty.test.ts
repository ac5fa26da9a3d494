/** report-empty: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, ruleCases } from '../support/rule-tester';

ruleCases('report-empty', {
  valid: [base],
  invalid: [{ name: 'only white space', text: ' \n\t\n', at: '' }, { name: 'empty', text: '', at: '' }],
});
