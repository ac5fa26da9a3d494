/** section-duplicate: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, ruleCases } from '../support/rule-tester';

ruleCases('section-duplicate', {
  valid: [base],
  invalid: [{ name: '六 twice', text: base + '六、其他需要报告的事项\n无。\n', at: '六、其他需要报告的事项', after: '未收取信息处理费' }],
});
