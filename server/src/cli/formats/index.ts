/**
 * The output formats of xxgk-check, declared once: the `--format` values, their type, the help line and the
 * dispatch all come from `FORMATS`. A new format is one file in this folder plus one entry here.
 */
import type { FileResult } from '../types';
import { formatGithub } from './github';
import { formatJson } from './json';
import type { Labels } from './labels';
import { formatSarif } from './sarif';
import type { Style } from './style';
import { formatSummary } from './summary';
import { formatText } from './text';

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

type Render = (results: readonly FileResult[], context: FormatContext) => string;

const FORMATS = {
  text: (results, c) => formatText(results, { labels: c.labels, style: c.style }) + '\n',
  json: (results) => formatJson(results) + '\n',
  sarif: (results, c) => formatSarif(results, { cwd: c.cwd, locale: c.locale, homepage: c.homepage }) + '\n',
  summary: (results, c) => formatSummary(results, c.labels, c.style) + '\n',
  // One annotation a line, each ending its own line.
  github: (results) => formatGithub(results),
} as const satisfies Record<string, Render>;

export type FormatName = keyof typeof FORMATS;

/** The `--format` values, the default first. */
export const FORMAT_NAMES = Object.keys(FORMATS) as [FormatName, ...FormatName[]];

export const DEFAULT_FORMAT: FormatName = 'text';

export function renderFormat(name: FormatName, results: readonly FileResult[], context: FormatContext): string {
  return FORMATS[name](results, context);
}
