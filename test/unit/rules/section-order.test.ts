/** section-order: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, ruleCases } from '../support/rule-tester';

ruleCases('section-order', {
  valid: [base],
  invalid: [{
    name: '四 after 五', at: '四、政府信息公开行政复议、行政诉讼情况', message: /第四部分.*出现在第五部分之后/,
    text: (() => { const s4 = base.indexOf('四、政府信息公开'); const s5 = base.indexOf('五、存在'); const s6 = base.indexOf('六、其他'); return base.slice(0, s4) + base.slice(s5, s6) + base.slice(s4, s5) + base.slice(s6); })(),
  }],
});
