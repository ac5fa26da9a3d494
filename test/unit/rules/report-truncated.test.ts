/** report-truncated: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, ruleCases } from '../support/rule-tester';

ruleCases('report-truncated', {
  valid: [
    base,
    base + '\n某某市卫生健康委员会\n2024年1月20日\n',
    base + '\n特此报告\n\n二〇二四年一月二十日\n- 5 -\n',
    base + '联系电话：0731-12345678\n',
  ],
  invalid: [
    { name: 'Table 2 cut after R3.3.2', text: base.slice(0, base.indexOf('3.危及')), at: '0', after: '2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t', message: /其后缺少 19 行（从「3.危及“三安全一稳定”」起）/ },
    { name: 'text ends after section 四', text: base.slice(0, base.indexOf('五、存在的主要问题')), at: '1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0', message: /报告在第四部分后结束：缺少第五至第六部分/ },
    {
      name: 'ends on a broken character', text: base.replace('本机关未收取信息处理费。\n', '本机关未收取信息处\ufffd\n'),
      at: '2023年度本机关未收取信息处\ufffd', severity: 'warning', message: /以残缺字符结束（「年度本机关未收取信息处\ufffd」）/,
    },
    {
      name: 'ends after a comma', text: base + '本机关依据《政府信息公开信息处理费管理办法》，\n\n',
      at: '本机关依据《政府信息公开信息处理费管理办法》，', severity: 'warning', message: /在句子中间结束/,
    },
    {
      name: 'ends on a long line of clauses without a full stop', text: base + '下一步，我委将进一步规范公开流程，加强政策解读，提升公开质量\n',
      at: '下一步，我委将进一步规范公开流程，加强政策解读，提升公开质量', severity: 'warning',
    },
  ],
});
