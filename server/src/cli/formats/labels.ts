/** Words of the human formats (text, summary) in both locales; finding messages come from the engine's catalogue. */
import type { Severity } from '../../engine';
import type { Counts } from '../types';

export interface Labels {
  severity: Record<Severity, string>;
  fixable: string;
  moreRelated(n: number): string;
  version(v: string): string;
  problems(c: Counts): string;
  /** The last line after problems: how many files the run checked (all of them, with findings or not). */
  filesChecked(files: number): string;
  fixableCount(n: number): string;
  noProblems(files: number): string;
  fixed(edits: number, files: number): string;
  byRule: string;
  byFile: string;
  rule: string;
  level: string;
  count: string;
  files: string;
  file: string;
  encoding: string;
  formatVersion: string;
  totalLine(files: number, c: Counts): string;
  tooManyWarnings(count: number, max: number): string;
  /** The page of a finding in a converted PDF. */
  page(n: number): string;
  /** How a published file was read: `PDF，12 页，转换为文本`. */
  converted(format: string, pages: number | undefined): string;
}

export const LABELS: Record<'zh-CN' | 'en', Labels> = {
  'zh-CN': {
    severity: { error: '错误', warning: '警告', info: '信息', hint: '提示' },
    fixable: '可自动修复',
    moreRelated: (n) => `…另有 ${n} 处（完整列表见 --format json）`,
    version: (v) => `${v} 年版`,
    problems: (c) => `${c.error + c.warning + c.info + c.hint} 个问题（${c.error} 个错误、${c.warning} 个警告、${c.info} 个信息、${c.hint} 个提示）`,
    filesChecked: (files) => `共检查 ${files} 个文件`,
    fixableCount: (n) => `其中 ${n} 个可用 --fix 自动修复`,
    noProblems: (files) => `已检查 ${files} 个文件，未发现问题`,
    fixed: (edits, files) => `已在 ${files} 个文件中应用 ${edits} 处安全修复`,
    byRule: '按规则',
    byFile: '按文件（问题最严重的在前）',
    rule: '规则',
    level: '级别',
    count: '数量',
    files: '文件数',
    file: '文件',
    encoding: '编码',
    formatVersion: '版本',
    totalLine(files, c) {
      return `合计：${files} 个文件，${this.problems(c)}`;
    },
    tooManyWarnings: (count, max) => `警告过多：${count} 个，上限为 ${max} 个（--max-warnings）`,
    page: (n) => `（第 ${n} 页）`,
    converted: (format, pages) => `由 ${format.toUpperCase()}${pages !== undefined ? `（${pages} 页）` : ''}转换，行列按转换后的文本`,
  },
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
    fixable: 'fixable',
    moreRelated: (n) => `… ${n} more (all of them in --format json)`,
    version: (v) => `${v} format`,
    problems: (c) => {
      const n = c.error + c.warning + c.info + c.hint;
      const s = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
      return `${s(n, 'problem')} (${s(c.error, 'error')}, ${s(c.warning, 'warning')}, ${c.info} info, ${s(c.hint, 'hint')})`;
    },
    filesChecked: (files) => `${files} file${files === 1 ? '' : 's'} checked`,
    fixableCount: (n) => `${n} of them fixable with --fix`,
    noProblems: (files) => `${files} file${files === 1 ? '' : 's'} checked, no problems`,
    fixed: (edits, files) => `${edits} safe fix edit${edits === 1 ? '' : 's'} applied in ${files} file${files === 1 ? '' : 's'}`,
    byRule: 'By rule',
    byFile: 'By file (worst first)',
    rule: 'Rule',
    level: 'Severity',
    count: 'Count',
    files: 'Files',
    file: 'File',
    encoding: 'Encoding',
    formatVersion: 'Format',
    totalLine(files, c) {
      return `Total: ${files} file${files === 1 ? '' : 's'}, ${this.problems(c)}`;
    },
    tooManyWarnings: (count, max) => `Too many warnings: ${count}, the maximum is ${max} (--max-warnings)`,
    page: (n) => `(page ${n})`,
    converted: (format, pages) => `converted from ${format.toUpperCase()}${pages !== undefined ? ` (${pages} page${pages === 1 ? '' : 's'})` : ''}; lines and columns of the converted text`,
  },
};
