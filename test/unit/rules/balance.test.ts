/** balance: cases that must stay silent and cases that must give exactly the expected finding. */
import { buildReport } from '../support/build-report';
import { base, ruleCases } from '../support/rule-tester';

ruleCases('balance', {
  valid: [base],
  invalid: [{
    name: '结转 自然人 2: 3 + 1 ≠ 3 + 2', text: buildReport({ values: { R4: [2, 0, 0, 0, 0, 0, 2] } }), at: '2', after: '四、结转下年度继续办理\t',
    message: /「自然人」列勾稽关系不成立：第一项加第二项 = 4，第三项加第四项 = 5；结转下年度继续办理应为 1，实为 2/, count: 2,
    suggested: buildReport({ values: { R4: [1, 0, 0, 0, 0, 0, 2] } }),
  }],
});
