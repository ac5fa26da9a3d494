/** table-missing: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, replace, ruleCases } from '../support/rule-tester';

ruleCases('table-missing', {
  valid: [base],
  invalid: [{ name: 'section 四 without its table', text: replace(base.slice(base.indexOf('行政复议\t'), base.indexOf('五、存在')), '本年度未发生行政复议和行政诉讼。\n\n'), at: '四、政府信息公开行政复议、行政诉讼情况', message: /第四部分缺少「政府信息公开行政复议、行政诉讼情况」表格/ }],
});
