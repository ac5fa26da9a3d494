/** section-structure: cases that must stay silent and cases that must give exactly the expected finding. */
import { base, replace, ruleCases } from '../support/rule-tester';

ruleCases('section-structure', {
  valid: [
    base,
    // Numbered items inside section 五, then 六: the numbering does not start again at a section.
    replace('（一）存在的主要问题\n', '一、存在的主要问题\n').replace('（二）改进情况\n', '二、改进情况\n'),
    // A section repeated (every item a section heading) is section-duplicate's.
    base + '三、收到和处理政府信息公开申请情况\n',
  ],
  invalid: [
    {
      name: 'narrative numbered 一…四 before the sections numbered again from 二',
      text: replace('一、总体情况\n', '一、强化组织领导\n二、深化主动公开\n三、规范依申请公开\n四、加强平台建设\n'),
      at: '一、强化组织领导', severity: 'warning',
      message: /第 4 行「一、强化组织领导」至「四、加强平台建设」.*第 12 行又从「二、主动公开政府信息情况」起/,
    },
    {
      name: 'narrative numbered under 一、总体情况: 一 stays the section, the items are not sections',
      text: replace('（一）主动公开\n', '一、强化组织领导\n二、深化主动公开\n三、规范依申请公开\n'),
      at: '一、强化组织领导',
    },
  ],
});
