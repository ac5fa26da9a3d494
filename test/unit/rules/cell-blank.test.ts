/** cell-blank: cases that must stay silent and cases that must give exactly the expected finding. */
import { buildReport } from '../support/build-report';
import { base, replace, ruleCases } from '../support/rule-tester';

ruleCases('cell-blank', {
  valid: [base],
  invalid: [
    { name: 'slash', text: replace('2.重复申请\t0\t0', '2.重复申请\t/\t0'), at: '/', severity: 'warning', fixed: base },
    { name: 'dash', text: replace('8.属于行政查询事项\t0', '8.属于行政查询事项\t——'), at: '——', fixed: base },
    { name: 'empty field in a pipe row', text: buildReport({ layout: 'pipe', values: { 'R3.5.3': [0, 0, 0, 0, 0, 0, ''] } }), at: '', after: '3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | ', fixed: buildReport({ layout: 'pipe' }) },
  ],
});
