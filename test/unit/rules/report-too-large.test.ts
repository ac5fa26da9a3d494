/** report-too-large: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, ruleCases } from '../support/rule-tester';

ruleCases('report-too-large', {
  valid: [base, base.repeat(100)],
  invalid: [{ name: 'over 2 MB', text: base.repeat(Math.ceil((2.1 * 1024 * 1024) / Buffer.byteLength(base))), at: '某某市卫生健康委员会', severity: 'error', message: /文件过大（2\.\d MB，超过 2\.0 MB）/ }],
});
