/** item-total: cases that must stay silent and cases that must give exactly the expected finding. */
import { buildReport } from '../support/build-report';
import { base, ruleCases } from '../support/rule-tester';

ruleCases('item-total', {
  valid: [base],
  invalid: [{
    name: '(七)总计 自然人 2 instead of 3', text: buildReport({ values: { 'R3.7': [2, 1, 0, 0, 0, 0, 3], R4: [2, 0, 0, 0, 0, 0, 2] } }), at: '2', after: '（七）总计\t',
    message: /（七）总计的「自然人」应为 3，实为 2/, count: 2,
  }],
});
