/** section-missing: cases that must stay silent and cases that must give exactly the expected finding. */
import { buildReport } from '../support/build-report';
import { base, replace, ruleCases } from '../support/rule-tester';

ruleCases('section-missing', {
  valid: [base, buildReport({ headings: { 1: '一、工作基本情况', 4: '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况' } })],
  invalid: [
    {
      name: 'heading 五 left out: inserted before 六', text: buildReport({ omitHeadings: [5] }), at: '六、其他需要报告的事项',
      message: /缺少第五部分「五、存在的主要问题及改进情况」/,
      suggested: buildReport({ omitHeadings: [5] }).replace('六、其他需要报告的事项', '五、存在的主要问题及改进情况\n\n六、其他需要报告的事项'),
    },
    {
      name: 'heading 四 and its table gone: heading and zero table inserted before 五',
      text: replace(base.slice(base.indexOf('四、政府信息公开行政复议'), base.indexOf('五、存在')), ''),
      at: '五、存在的主要问题及改进情况',
      suggested: base.replace('0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0', '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0').replace(/1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0\n\n/, '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n\n'),
    },
    {
      name: 'heading 三 missing but its table found: reported at the table',
      text: buildReport({ omitHeadings: [3] }), at: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
      suggested: buildReport(),
    },
    {
      name: 'no section heading at all: one finding on the title, not six',
      text: base.replace(/^[一二三四五六]、/gm, '（一）'), at: '2023年政府信息公开工作年度报告', message: /未找到任何部分标题/, severity: 'error',
    },
    {
      name: 'an excerpt without title and section 一 (a flipbook page): one info on its first heading',
      text: base.slice(base.indexOf('三、收到和处理'), base.indexOf('五、存在')), at: '三、收到和处理政府信息公开申请情况',
      message: /似为报告的片段（第三至第四部分）/, severity: 'info',
    },
    {
      name: 'an excerpt with no heading at all: one info on its first line',
      text: base.slice(base.indexOf('（本列数据'), base.indexOf('四、政府信息公开')), at: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
      message: /似为报告的片段/, severity: 'info',
    },
  ],
});
