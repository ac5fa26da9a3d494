/**
 * The output formats of xxgk-check, declared once: the `--format` values, their type, the help line and the
 * dispatch all come from `FORMATS`. A new format is one file in this folder plus one entry here.
 */
import type { FileResult, RunTotals } from '../types';
import { HOMEPAGE } from '../package-info';
import { UsageError } from '../usage-error';
import { formatCompact } from './compact';
import { formatCsv } from './csv';
import { formatGithub } from './github';
import { formatJson, formatJsonEnd, formatJsonFile } from './json';
import { LABELS, type Labels } from './labels';
import { formatSarif } from './sarif';
import { makeStyle, type Style } from './style';
import { formatSummary } from './summary';
import { formatText, formatTextFile, formatTextTotals } from './text';

/** What a format may use besides the results. */
export interface FormatContext {
  readonly cwd: string;
  readonly locale: 'zh-CN' | 'en';
  readonly labels: Labels;
  /** Colours, when the output is a terminal that wants them. */
  readonly style: Style;
  /** The public docs site (package.json `homepage`), for SARIF's help links; none: no links. */
  readonly homepage: string | undefined;
}

/** The context of a run's output: labels of the locale, colours when wanted, the docs site. */
export function formatContextOf(locale: FormatContext['locale'], cwd: string, color: boolean): FormatContext {
  return { cwd, locale, labels: LABELS[locale], style: makeStyle(color), homepage: HOMEPAGE };
}

/** Text, or bytes for a binary format (xlsx), possibly produced asynchronously. */
type Render = (results: readonly FileResult[], context: FormatContext) => string | Uint8Array | Promise<string | Uint8Array>;

const FORMATS = {
  text: (results, c) => formatText(results, { labels: c.labels, style: c.style }) + '\n',
  json: (results) => formatJson(results) + '\n',
  sarif: (results, c) => formatSarif(results, { cwd: c.cwd, locale: c.locale, homepage: c.homepage }) + '\n',
  summary: (results, c) => formatSummary(results, c.labels, c.style) + '\n',
  // One annotation a line, each ending its own line.
  github: (results) => formatGithub(results),
  csv: (results) => formatCsv(results),
  // The workbook writer (exceljs) is most of the bundle: loaded only when asked for, so start-up stays quick.
  xlsx: async (results) => (await import('./xlsx')).formatXlsx(results),
  // One finding a line, for the $xxgk-check problem matcher of a VS Code task.
  compact: (results) => formatCompact(results),
  html: () => {
    throw new UsageError('--format html 只用于 --compare (html is for --compare)');
  },
} as const satisfies Record<string, Render>;

export type FormatName = keyof typeof FORMATS;

/** The `--format` values, the default first. */
export const FORMAT_NAMES = Object.keys(FORMATS) as [FormatName, ...FormatName[]];

export const DEFAULT_FORMAT: FormatName = 'text';

export async function renderFormat(name: FormatName, results: readonly FileResult[], context: FormatContext): Promise<string | Uint8Array> {
  return FORMATS[name](results, context);
}

/** Formats whose output is bytes: never written to a terminal. */
export const BINARY_FORMATS: readonly FormatName[] = ['xlsx'];

/** A format written file by file as the results come, in order; only the run's totals are kept for its end. */
export interface StreamedFormat {
  file(result: FileResult, index: number): string;
  end(totals: RunTotals): string;
}

/**
 * The formats whose output is the files' parts one after another: written as the files are checked, so a run
 * of thousands of reports holds no more than the files in flight. Each gives exactly what `FORMATS` gives.
 */
const STREAMED: Partial<Record<FormatName, (c: FormatContext) => StreamedFormat>> = {
  text: (c) => {
    const o = { labels: c.labels, style: c.style };
    return { file: (r) => formatTextFile(r, o), end: (t) => formatTextTotals(t, o) + '\n' };
  },
  json: () => ({ file: formatJsonFile, end: (t) => formatJsonEnd(t.files) + '\n' }),
  github: () => ({ file: (r) => formatGithub([r]), end: () => '' }),
  compact: () => ({ file: (r) => formatCompact([r]), end: () => '' }),
};

/** The file-by-file writer of a format; undefined for a format written whole (SARIF, summary, CSV, xlsx). */
export function streamedFormat(name: FormatName, context: FormatContext): StreamedFormat | undefined {
  return STREAMED[name]?.(context);
}

/** Whether a format can be written file by file (streamedFormat gives its writer). */
export function isStreamedFormat(name: FormatName): boolean {
  return STREAMED[name] !== undefined;
}
