/** version-mismatch: cases that must stay silent and cases that must give exactly the expected finding. */
import { buildReport } from '../support/build-report';
import { base, base2019, replace, ruleCases } from '../support/rule-tester';

ruleCases('version-mismatch', {
  valid: [base, base2019, buildReport({ version: '2019', year: 2019 })],
  invalid: [
    { name: '2019 tables in a 2022 report', text: buildReport({ version: '2019', year: 2022 }), at: '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量'.split('\t')[1], severity: 'error', message: /2022 年度报告应使用 2021 年修订的格式/ },
    { name: '2021 tables in a 2020 report', text: buildReport({ version: '2021', year: 2020 }), at: '本年制发件数', severity: 'warning' },
    { name: 'mixed', text: replace('本年处理决定数量', '上一年项目数量'), at: '上一年项目数量', severity: 'warning', message: /混用/ },
  ],
});
