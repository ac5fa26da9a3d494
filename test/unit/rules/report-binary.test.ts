/** report-binary: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, ruleCases } from '../support/rule-tester';

ruleCases('report-binary', {
  valid: [base],
  invalid: [{ name: 'NUL bytes', text: 'PK\u0003\u0004\u0000\u0000abc', at: 'P' }],
});
