/** table-unreadable: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, ruleCases } from '../support/rule-tester';

/** Table 2 as reading-order PDF text: every label on its own line, then every number on its own line. */
function inReadingOrder(text: string, dropOne: boolean): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const end = lines.findIndex((l) => l.startsWith('四、结转下年度'));
  const rows = lines.slice(start, end + 1).map((l) => l.split('\t'));
  const labels = rows.map((r) => r[0]).filter((x) => x !== '');
  const numbers = rows.flatMap((r) => r.slice(1)).filter((x) => x !== '');
  if (dropOne) numbers.pop();
  return [...lines.slice(0, start), ...labels, ...numbers, ...lines.slice(end + 1)].join('\n');
}

ruleCases('table-unreadable', {
  valid: [base, inReadingOrder(base, false)],
  invalid: [{
    name: 'labels in one block, numbers in another, one number short: no mapping is certain',
    text: inReadingOrder(base, true), at: '三、收到和处理政府信息公开申请情况', severity: 'warning',
    message: /无法可靠读取.*应有 25 行，读出 25 行/,
  }],
});
