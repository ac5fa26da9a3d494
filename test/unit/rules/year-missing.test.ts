/** year-missing: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, ruleCases } from '../support/rule-tester';

ruleCases('year-missing', {
  valid: [base],
  invalid: [{ name: 'no year anywhere', text: base.replace(/20\d\d年/g, '本年'), at: '本年政府信息公开工作年度报告', severity: 'warning' }],
});
