/** report-truncated: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, ruleCases } from '../support/rule-tester';

ruleCases('report-truncated', {
  valid: [base],
  invalid: [
    { name: 'Table 2 cut after R3.3.2', text: base.slice(0, base.indexOf('3.危及')), at: '0', after: '2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t', message: /其后缺少 19 行（从「3.危及“三安全一稳定”」起）/ },
    { name: 'text ends after section 四', text: base.slice(0, base.indexOf('五、存在的主要问题')), at: '1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0', message: /报告在第四部分后结束：缺少第五至第六部分/ },
  ],
});
