/** review-total: cases that must stay silent and cases that must give exactly the expected finding. */
import { buildReport } from '../support/build-report';
import { base, ruleCases } from '../support/rule-tester';

ruleCases('review-total', {
  valid: [base],
  invalid: [{
    name: '复议后起诉 total 3 for parts 0', text: buildReport({ review: [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 3] }), at: '3', after: '0\t1\t0\t0\t1\t0\t0\t0\t0\t',
    message: /「行政诉讼·复议后起诉」的总计应为 0，实为 3/,
  }],
});
