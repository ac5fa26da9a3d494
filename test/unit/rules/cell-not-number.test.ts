/** cell-not-number: cases that must stay silent and cases that must give exactly the expected finding. */
import { buildReport } from '../support/build-report';
import { base, replace, ruleCases } from '../support/rule-tester';

ruleCases('cell-not-number', {
  valid: [base, buildReport({ version: '2019', active: { 'art20_6.penalty': [40, '-1', 39] } })],
  invalid: [
    { name: 'text in a cell', text: replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t约10'), at: '约10' },
    { name: 'negative count', text: replace('规章\t0\t0\t0', '规章\t0\t-2\t0'), at: '-2', message: /不能为负数/ },
  ],
});
