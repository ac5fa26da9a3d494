/**
 * Per-rule cases, textlint-tester style: for every rule, texts that must stay silent and texts that
 * must give exactly the expected finding (code, the exact text under its range, and for fixes the
 * text after applying them). A rule without cases fails the registry check at the end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, RULES, safeFixEdits } from '../../server/src/engine';
import { buildReport } from './support/build-report';

interface Invalid {
  name: string;
  text: string;
  /** The text the finding's range covers ('' for an insertion point). */
  at: string;
  /** Where that text is: its first occurrence at or after this marker (default: the first occurrence). */
  after?: string;
  message?: RegExp;
  severity?: string;
  /** The whole text after applying the finding's safe fix. */
  fixed?: string;
  /** The whole text after applying its first suggestion. */
  suggested?: string;
  count?: number;
}

const base = buildReport();
const base2019 = buildReport({ version: '2019' });
const replace = (from: string, to: string, text = base) => {
  assert.ok(text.includes(from), `fixture text contains ${from}`);
  return text.replace(from, to);
};

const CASES: Record<string, { valid: string[]; invalid: Invalid[] }> = {
  'report-empty': {
    valid: [base],
    invalid: [{ name: 'only white space', text: ' \n\t\n', at: '' }, { name: 'empty', text: '', at: '' }],
  },
  'report-binary': {
    valid: [base],
    invalid: [{ name: 'NUL bytes', text: 'PK\u0003\u0004\u0000\u0000abc', at: 'P' }],
  },
  'report-too-large': {
    valid: [base, base.repeat(100)],
    invalid: [{ name: 'over 2 MB', text: base.repeat(Math.ceil((2.1 * 1024 * 1024) / Buffer.byteLength(base))), at: '某某市卫生健康委员会', severity: 'warning', message: /文件过大（2\.\d MB，超过 2\.0 MB）/ }],
  },
  'report-truncated': {
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
  },
  'year-missing': {
    valid: [base],
    invalid: [{ name: 'no year anywhere', text: base.replace(/20\d\d年/g, '本年'), at: '本年政府信息公开工作年度报告', severity: 'warning' }],
  },
  'section-missing': {
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
  },
  'section-order': {
    valid: [base],
    invalid: [{
      name: '四 after 五', at: '四、政府信息公开行政复议、行政诉讼情况', message: /第四部分.*出现在第五部分之后/,
      text: (() => { const s4 = base.indexOf('四、政府信息公开'); const s5 = base.indexOf('五、存在'); const s6 = base.indexOf('六、其他'); return base.slice(0, s4) + base.slice(s5, s6) + base.slice(s4, s5) + base.slice(s6); })(),
    }],
  },
  'section-duplicate': {
    valid: [base],
    invalid: [{ name: '六 twice', text: base + '六、其他需要报告的事项\n无。\n', at: '六、其他需要报告的事项', after: '未收取信息处理费' }],
  },
  'section-numbering': {
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
  },
  'section-structure': {
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
  },
  'table-missing': {
    valid: [base],
    invalid: [{ name: 'section 四 without its table', text: replace(base.slice(base.indexOf('行政复议\t'), base.indexOf('五、存在')), '本年度未发生行政复议和行政诉讼。\n\n'), at: '四、政府信息公开行政复议、行政诉讼情况', message: /第四部分缺少「政府信息公开行政复议、行政诉讼情况」表格/ }],
  },
  'row-missing': {
    valid: [base],
    invalid: [{ name: 'R3.3.5 left out', text: replace('5.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0\n', ''), at: '6.属于四类过程性信息', message: /缺少「5.属于三类内部事务信息」行/ }],
  },
  'cell-missing': {
    valid: [base],
    invalid: [{ name: 'six numbers', text: replace('2.重复申请\t0\t0\t0\t0\t0\t0\t0', '2.重复申请\t0\t0\t0\t0\t0\t0'), at: '2.重复申请', message: /应有 7 个数，只找到 6 个/ }],
  },
  'cell-extra': {
    valid: [base],
    invalid: [{ name: 'a row label lost: its numbers land on the row above', text: replace('2.重复申请\t0\t0\t0\t0\t0\t0\t0\n', '\t9\t9\t9\t9\t9\t9\t9\n'), at: '9\t9\t9\t9\t9\t9\t9', severity: 'warning' }],
  },
  'cell-not-number': {
    valid: [base, buildReport({ version: '2019', active: { 'art20_6.penalty': [40, '-1', 39] } })],
    invalid: [
      { name: 'text in a cell', text: replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t约10'), at: '约10' },
      { name: 'negative count', text: replace('规章\t0\t0\t0', '规章\t0\t-2\t0'), at: '-2', message: /不能为负数/ },
    ],
  },
  'cell-blank': {
    valid: [base],
    invalid: [
      { name: 'slash', text: replace('2.重复申请\t0\t0', '2.重复申请\t/\t0'), at: '/', severity: 'warning', fixed: base },
      { name: 'dash', text: replace('8.属于行政查询事项\t0', '8.属于行政查询事项\t——'), at: '——', fixed: base },
      { name: 'empty field in a pipe row', text: buildReport({ layout: 'pipe', values: { 'R3.5.3': [0, 0, 0, 0, 0, 0, ''] } }), at: '', after: '3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | ', fixed: buildReport({ layout: 'pipe' }) },
    ],
  },
  'cell-unit': {
    valid: [base],
    invalid: [{ name: '件 in a cell', text: replace('行政许可\t0', '行政许可\t18件'), at: '18件', severity: 'info' }],
  },
  'row-total': {
    valid: [base],
    invalid: [{
      name: 'R1 total 5 instead of 4', text: buildReport({ values: { R1: [3, 1, 0, 0, 0, 0, 5] } }), at: '5', after: '一、本年新收',
      message: /「一、本年新收政府信息公开申请数量」的总计应为 4，实为 5（自然人 3 \+ 商业企业 1 \+ 科研机构 0 \+ 社会公益组织 0 \+ 法律服务机构 0 \+ 其他 0 = 4）/,
      suggested: buildReport({ values: { R1: [3, 1, 0, 0, 0, 0, 4] } }),
    }],
  },
  'item-total': {
    valid: [base],
    invalid: [{
      name: '(七)总计 自然人 2 instead of 3', text: buildReport({ values: { 'R3.7': [2, 1, 0, 0, 0, 0, 3], R4: [2, 0, 0, 0, 0, 0, 2] } }), at: '2', after: '（七）总计\t',
      message: /（七）总计的「自然人」应为 3，实为 2/, count: 2,
    }],
  },
  'balance': {
    valid: [base],
    invalid: [{
      name: '结转 自然人 2: 3 + 1 ≠ 3 + 2', text: buildReport({ values: { R4: [2, 0, 0, 0, 0, 0, 2] } }), at: '2', after: '四、结转下年度继续办理\t',
      message: /「自然人」列勾稽关系不成立：第一项加第二项 = 4，第三项加第四项 = 5；结转下年度继续办理应为 1，实为 2/, count: 2,
      suggested: buildReport({ values: { R4: [1, 0, 0, 0, 0, 0, 2] } }),
    }],
  },
  'review-total': {
    valid: [base],
    invalid: [{
      name: '复议后起诉 total 3 for parts 0', text: buildReport({ review: [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 3] }), at: '3', after: '0\t1\t0\t0\t1\t0\t0\t0\t0\t',
      message: /「行政诉讼·复议后起诉」的总计应为 0，实为 3/,
    }],
  },
  'version-mismatch': {
    valid: [base, base2019, buildReport({ version: '2019', year: 2019 })],
    invalid: [
      { name: '2019 tables in a 2022 report', text: buildReport({ version: '2019', year: 2022 }), at: '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量'.split('\t')[1], severity: 'error', message: /2022 年度报告应使用 2021 年修订的格式/ },
      { name: '2021 tables in a 2020 report', text: buildReport({ version: '2021', year: 2020 }), at: '本年制发件数', severity: 'warning' },
      { name: 'mixed', text: replace('本年处理决定数量', '上一年项目数量'), at: '上一年项目数量', severity: 'warning', message: /混用/ },
    ],
  },
};

function locate(c: Invalid): number {
  const from = c.after ? c.text.indexOf(c.after) + c.after.length : 0;
  assert.ok(!c.after || from >= c.after.length, `${c.name}: marker found`);
  const at = c.at === '' ? from : c.text.indexOf(c.at, from);
  assert.ok(at >= 0, `${c.name}: '${c.at}' found in the case text`);
  return at;
}

for (const rule of RULES) {
  const cases = CASES[rule.code];
  if (!cases) continue;
  for (const [i, text] of cases.valid.entries()) {
    test(`${rule.code}: valid #${i + 1} gives no finding`, () => {
      assert.deepEqual(check(text).findings.filter((f) => f.code === rule.code).map((f) => f.message), []);
    });
  }
  for (const c of cases.invalid) {
    test(`${rule.code}: ${c.name}`, () => {
      const found = check(c.text).findings.filter((f) => f.code === rule.code);
      assert.equal(found.length, c.count ?? 1, `${c.name}: ${JSON.stringify(found.map((f) => f.message))}`);
      const f = found[0];
      const start = locate(c);
      assert.deepEqual([f.span.start, c.text.slice(f.span.start, f.span.end)], [start, c.at]);
      if (c.message) assert.match(f.message, c.message);
      if (c.severity) assert.equal(f.severity, c.severity);
      if (c.fixed !== undefined) {
        assert.ok(f.fix, 'has a safe fix');
        assert.equal(applyEdits(c.text, f.fix.edits), c.fixed);
      } else if (rule.fix !== 'safe') {
        assert.equal(f.fix, undefined, 'no safe fix');
      }
      if (c.suggested !== undefined) {
        assert.ok(f.suggestions.length > 0, 'has a suggestion');
        assert.equal(applyEdits(c.text, f.suggestions[0].edits), c.suggested);
        assert.ok(safeFixEdits(found).length === 0, 'a suggestion is never a safe fix');
      }
    });
  }
}

test('every rule has valid and invalid cases', () => {
  for (const rule of RULES) {
    if (rule.code.startsWith('text-') || ['year-mismatch', 'fee-statement-missing', 'carry-over-mismatch'].includes(rule.code)) continue;
    assert.ok(CASES[rule.code]?.valid.length, `${rule.code} has valid cases`);
    assert.ok(CASES[rule.code]?.invalid.length, `${rule.code} has invalid cases`);
  }
});
