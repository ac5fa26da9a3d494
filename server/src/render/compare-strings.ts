/** Words of the comparison outputs (text, HTML, the editor's view) in both locales. */
export interface CompareStrings {
  readonly title: string;
  readonly previous: string;
  readonly current: string;
  readonly body: string;
  readonly year: string;
  readonly version: string;
  readonly notes: Readonly<Record<'not-consecutive' | 'other-body' | 'other-version', string>>;
  readonly cells: string;
  readonly cell: string;
  readonly change: string;
  readonly percent: string;
  readonly large: (threshold: number) => string;
  readonly unchangedHidden: (n: number) => string;
  readonly rows: string;
  readonly rowAdded: string;
  readonly rowRemoved: string;
  readonly unmatched: string;
  readonly previousOnly: string;
  readonly currentOnly: string;
  readonly carryOver: string;
  readonly carryOverExplain: string;
  readonly holds: string;
  readonly broken: string;
  readonly unread: string;
  readonly copied: string;
  readonly copiedExplain: string;
  readonly similarity: string;
  readonly staleYears: string;
  readonly staleYearsExplain: string;
  readonly sections: string;
  readonly sectionAdded: string;
  readonly sectionMissing: string;
  readonly none: string;
  readonly line: (n: number) => string;
  readonly empty: string;
}

export const COMPARE_STRINGS: Readonly<Record<'zh-CN' | 'en', CompareStrings>> = {
  'zh-CN': {
    title: '与上一年度报告对比',
    previous: '上一年度', current: '本年度', body: '机关', year: '年度', version: '格式版本',
    notes: {
      'not-consecutive': '两份报告的年度不是相邻的两年',
      'other-body': '两份报告的机关不同',
      'other-version': '两份报告的格式版本不同：只对比两版都有的单元格，其余单元格单独列出',
    },
    cells: '表格数字', cell: '单元格', change: '变化', percent: '变化率',
    large: (t) => `大幅变化（超过 ${t}%，或由 0 变为非 0）`,
    unchangedHidden: (n) => `另有 ${n} 个单元格未变`,
    rows: '出现或消失的行', rowAdded: '本年新出现', rowRemoved: '本年不再出现',
    unmatched: '两版格式不同、未对比的单元格', previousOnly: '仅上一年度格式有', currentOnly: '仅本年度格式有',
    carryOver: '结转衔接', carryOverExplain: '本年“二、上年结转政府信息公开申请数量”应等于上一年度“四、结转下年度继续办理”',
    holds: '相符', broken: '不符', unread: '无法读取',
    copied: '沿用上一年度的段落', copiedExplain: '去掉数字和年份后与上一年度报告几乎相同的段落', similarity: '相似度',
    staleYears: '仍写上一年度年份的句子', staleYearsExplain: '以上一年度年份开头、陈述报告年度情况的句子',
    sections: '增加或缺少的部分', sectionAdded: '本年新增', sectionMissing: '本年缺少',
    none: '无', line: (n) => `第 ${n} 行`, empty: '（无）',
  },
  en: {
    title: 'Comparison with last year\'s report',
    previous: 'Last year', current: 'This year', body: 'Body', year: 'Year', version: 'Format version',
    notes: {
      'not-consecutive': 'The two reports are not of consecutive years',
      'other-body': 'The two reports are of different bodies',
      'other-version': 'The reports use different format versions: only cells both versions have are compared; the others are listed',
    },
    cells: 'Table figures', cell: 'Cell', change: 'Change', percent: 'Change %',
    large: (t) => `Large swing (more than ${t} %, or from 0 to another value)`,
    unchangedHidden: (n) => `${n} more cells unchanged`,
    rows: 'Rows appearing or disappearing', rowAdded: 'new this year', rowRemoved: 'gone this year',
    unmatched: 'Cells of one format version only (not compared)', previousOnly: 'only in last year\'s format', currentOnly: 'only in this year\'s format',
    carryOver: 'Carry-over', carryOverExplain: 'This year\'s item 2 (carried over from last year) should equal last year\'s item 4 (carried over to next year)',
    holds: 'equal', broken: 'different', unread: 'unreadable',
    copied: 'Paragraphs copied from last year', copiedExplain: 'Paragraphs near-identical to last year\'s once numbers and years are masked', similarity: 'similarity',
    staleYears: 'Sentences still naming last year', staleYearsExplain: 'Sentences opening with last year\'s year as a statement about the year reported',
    sections: 'Sections added or missing', sectionAdded: 'added this year', sectionMissing: 'missing this year',
    none: 'none', line: (n) => `line ${n}`, empty: '(none)',
  },
};
