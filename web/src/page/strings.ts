/** Every word the page shows: Chinese first, English when the browser's language is English. */
import type { Locale } from '../../../server/src/messages';
import type { PreviewStrings } from '../../../server/src/render/tables-html';
import type { SourceLocation } from '../../../server/src/convert';

export interface UiStrings {
  readonly title: string;
  readonly privacy: string;
  readonly choose: string;
  readonly drop: string;
  readonly pasteLabel: string;
  readonly pasteCheck: string;
  readonly pastedName: (n: number) => string;
  readonly checking: (done: number, total: number) => string;
  readonly problems: string;
  readonly none: string;
  readonly counts: (errors: number, warnings: number, others: number) => string;
  readonly noFindings: string;
  readonly lineColumn: (line: number, column: number) => string;
  readonly source: (s: SourceLocation) => string;
  readonly reportText: string;
  readonly tables: string;
  readonly downloadFixed: (n: number) => string;
  readonly severity: Readonly<Record<string, string>>;
  readonly reviewer: string;
  readonly filter: string;
  readonly exportCsv: string;
  readonly pick: string;
  readonly comparePicked: string;
  readonly comparing: string;
  readonly columns: Readonly<Record<'name' | 'body' | 'year' | 'version' | 'errors' | 'warnings' | 'status', string>>;
  readonly status: Readonly<Record<string, string>>;
  readonly chartFindings: string;
  readonly preview: PreviewStrings;
}

const ZH: UiStrings = {
  title: '政府信息公开年报检查',
  privacy: '文件只在本机浏览器中检查，不会上传，也不会离开这台电脑（本页面不连接任何网络）。',
  choose: '选择文件…',
  drop: '或将 .txt、.pdf、.docx、.html 文件拖放到此处（可多选）',
  pasteLabel: '或粘贴年报文本：',
  pasteCheck: '检查粘贴的文本',
  pastedName: (n) => `粘贴的文本 ${n}`,
  checking: (done, total) => `正在检查：${done}/${total}`,
  problems: '问题',
  none: '尚未检查任何文件。',
  counts: (e, w, o) => `${e} 个错误，${w} 个警告${o ? `，${o} 个提示` : ''}`,
  noFindings: '未发现问题',
  lineColumn: (l, c) => `第 ${l} 行第 ${c} 列`,
  source: (s) => [
    s.page !== undefined ? `第 ${s.page} 页` : '',
    s.paragraph !== undefined ? `第 ${s.paragraph + 1} 段` : '',
    s.table !== undefined ? `表 ${s.table + 1}` + (s.row !== undefined ? ` 第 ${s.row + 1} 行` : '') + (s.cell !== undefined ? ` 第 ${s.cell + 1} 格` : '') : '',
    s.path !== undefined && s.table === undefined ? s.path : '',
  ].filter(Boolean).join('，'),
  reportText: '报告文本',
  tables: '表格',
  downloadFixed: (n) => `下载安全修复后的文本（${n} 处修改）`,
  severity: { error: '错误', warning: '警告', info: '信息', hint: '提示' },
  reviewer: '全部报告',
  filter: '筛选…',
  exportCsv: '导出 CSV',
  pick: '选择',
  comparePicked: '对比所选的两份报告',
  comparing: '正在对比…',
  columns: { name: '文件', body: '机关', year: '年度', version: '格式版本', errors: '错误数', warnings: '警告数', status: '文件状态' },
  status: { report: '年报', 'not-report': '不是年报', unreadable: '无法读取' },
  chartFindings: '各报告的问题数',
  preview: {
    title: '表格预览', empty: '此文档中未找到年度报告的表格。', waiting: '正在读取表格…',
    legendTotal: '不相符的合计（附应有数值）', legendPart: '参与该合计的单元格', blank: '（空）', missing: '（缺）', rowHeader: '行',
    formatVersion: (v) => `${v} 年版`, expected: (v) => `应为 ${v}`, reveal: '在文本中显示',
  },
};

const EN: UiStrings = {
  title: 'Government information disclosure annual report checker',
  privacy: 'Files are checked in this browser only: they are never uploaded and never leave this computer (the page connects to no network).',
  choose: 'Choose files…',
  drop: 'or drop .txt, .pdf, .docx, .html files here (several at once)',
  pasteLabel: 'or paste a report\'s text:',
  pasteCheck: 'Check the pasted text',
  pastedName: (n) => `Pasted text ${n}`,
  checking: (done, total) => `Checking: ${done}/${total}`,
  problems: 'Problems',
  none: 'No file checked yet.',
  counts: (e, w, o) => `${e} error(s), ${w} warning(s)${o ? `, ${o} hint(s)` : ''}`,
  noFindings: 'No problems found',
  lineColumn: (l, c) => `Ln ${l}, Col ${c}`,
  source: (s) => [
    s.page !== undefined ? `page ${s.page}` : '',
    s.paragraph !== undefined ? `paragraph ${s.paragraph + 1}` : '',
    s.table !== undefined ? `table ${s.table + 1}` + (s.row !== undefined ? ` row ${s.row + 1}` : '') + (s.cell !== undefined ? ` cell ${s.cell + 1}` : '') : '',
    s.path !== undefined && s.table === undefined ? s.path : '',
  ].filter(Boolean).join(', '),
  reportText: 'Report text',
  tables: 'Tables',
  downloadFixed: (n) => `Download the safely fixed text (${n} edit(s))`,
  severity: { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' },
  reviewer: 'All reports',
  filter: 'Filter…',
  exportCsv: 'Export CSV',
  pick: 'Pick',
  comparePicked: 'Compare the two picked reports',
  comparing: 'Comparing…',
  columns: { name: 'File', body: 'Body', year: 'Year', version: 'Format', errors: 'Errors', warnings: 'Warnings', status: 'Status' },
  status: { report: 'report', 'not-report': 'not a report', unreadable: 'unreadable' },
  chartFindings: 'Findings per report',
  preview: {
    title: 'Tables', empty: 'No table of the annual report was found in this document.', waiting: 'Reading the tables…',
    legendTotal: 'total that does not add up (with the value it should have)', legendPart: 'cell taking part in it', blank: '(blank)',
    missing: '(missing)', rowHeader: 'Row', formatVersion: (v) => `${v} format`, expected: (v) => `should be ${v}`, reveal: 'Show in the text',
  },
};

export function stringsFor(locale: Locale): UiStrings {
  return locale === 'en' ? EN : ZH;
}
