/** row-total: cases that must stay silent and cases that must give exactly the expected finding. */
import { buildReport } from '../support/build-report';
import { base, ruleCases } from '../support/rule-tester';

ruleCases('row-total', {
  valid: [base],
  invalid: [{
    name: 'R1 total 5 instead of 4', text: buildReport({ values: { R1: [3, 1, 0, 0, 0, 0, 5] } }), at: '5', after: '一、本年新收',
    message: /「一、本年新收政府信息公开申请数量」的总计应为 4，实为 5（自然人 3 \+ 商业企业 1 \+ 科研机构 0 \+ 社会公益组织 0 \+ 法律服务机构 0 \+ 其他 0 = 4）/,
    suggested: buildReport({ values: { R1: [3, 1, 0, 0, 0, 0, 4] } }),
  }],
});
