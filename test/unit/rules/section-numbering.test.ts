/** section-numbering: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, replace, ruleCases } from '../support/rule-tester';

ruleCases('section-numbering', {
  valid: [base, replace('一、总体情况', '一、 总体情况')],
  invalid: [
    { name: 'Arabic numeral', text: replace('六、其他需要报告的事项', '6、 其他需要报告的事项'), at: '6、', severity: 'info', fixed: replace('六、其他需要报告的事项', '六、 其他需要报告的事项') },
    { name: 'full stop numbering', text: replace('二、主动公开政府信息情况', '二.主动公开政府信息情况'), at: '二.', fixed: base },
    { name: 'unnumbered', text: replace('五、存在的主要问题及改进情况', '存在的主要问题及改进情况'), at: '存在的主要问题及改进情况', message: /缺少编号/, fixed: base },
    { name: 'wrong numeral for the section', text: replace('四、政府信息公开行政复议', '三、政府信息公开行政复议'), at: '三、', after: '结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\n', fixed: base },
  ],
});
