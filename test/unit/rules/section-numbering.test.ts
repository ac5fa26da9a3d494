/** section-numbering: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, replace, ruleCases } from '../support/rule-tester';

ruleCases('section-numbering', {
  valid: [base, replace('一、总体情况', '一、 总体情况'), replace('五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施'), replace('六、其他需要报告的事项', '六、其他需要汇报事项')],
  invalid: [
    { name: 'Arabic numeral', text: replace('六、其他需要报告的事项', '6、 其他需要报告的事项'), at: '6、', severity: 'info', fixed: replace('六、其他需要报告的事项', '六、 其他需要报告的事项') },
    { name: 'full stop numbering', text: replace('二、主动公开政府信息情况', '二.主动公开政府信息情况'), at: '二.', fixed: base },
    { name: 'unnumbered', text: replace('五、存在的主要问题及改进情况', '存在的主要问题及改进情况'), at: '存在的主要问题及改进情况', message: /缺少编号/, fixed: base },
    { name: 'wrong numeral for the section', text: replace('四、政府信息公开行政复议', '三、政府信息公开行政复议'), at: '三、', after: '结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\n', fixed: base },
    {
      name: 'official variant title: still a safe fix', text: replace('六、其他需要报告的事项', '6.其他需要汇报事项'), at: '6.', after: '规范公开流程。\n',
      fixed: replace('六、其他需要报告的事项', '六、其他需要汇报事项'),
    },
    {
      name: 'a title that is not the official one: a suggestion only', text: replace('二、主动公开政府信息情况', '2、深化主动公开工作情况'), at: '2、',
      suggested: replace('二、主动公开政府信息情况', '二、深化主动公开工作情况'),
    },
    {
      name: 'sections out of order: renumbering is a suggestion only',
      text: (() => { const t = replace('六、其他需要报告的事项', '6、其他需要报告的事项'); const s4 = t.indexOf('四、政府信息公开'); const s5 = t.indexOf('五、存在'); const s6 = t.indexOf('6、其他'); return t.slice(0, s4) + t.slice(s5, s6) + t.slice(s4, s5) + t.slice(s6); })(),
      at: '6、', suggested: (() => { const s4 = base.indexOf('四、政府信息公开'); const s5 = base.indexOf('五、存在'); const s6 = base.indexOf('六、其他'); return base.slice(0, s4) + base.slice(s5, s6) + base.slice(s4, s5) + base.slice(s6); })(),
    },
  ],
});
