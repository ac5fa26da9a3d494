/**
 * Is this a 政府信息公开工作年度报告? The one content test of the project (issue 22), in two steps:
 * - the first look, `readsAsAnnualReport`, reads only the opening lines of a text (a plain file or a converted
 *   one): a title naming 政府信息公开 and a yearly report, or at least two of the six section headings. The
 *   client's detection, the CLI's folder search and the workspace check all take it.
 * - after the one parse of a check, `isReport` says whether the engine found a report in it (a section or a
 *   table): the `status` of the CLI's JSON and of the 「年报」 view.
 * Never the file name for the content; the editor also switches a document by its path, matched against
 * `xxgk.files` with the one glob dialect of the CLI and the server (config/glob.ts), and by content unless
 * `xxgk.detectByContent` is off. Pure (no node:, vscode or LSP import): the client imports it.
 */
import type { Report } from '../engine';
import { globListMatcher } from '../config/glob';

/** How many non-blank opening lines are read. */
export const OPENING_LINES = 60;

/** How many characters of the document are enough to hold the opening lines (a cheap upper bound). */
export const OPENING_CHARS = 12_000;

const TITLE = /政府信息公开/;
const YEARLY_REPORT = /年度.*报告|年报/;

/** The six sections' key words, as the official headings and their common variants write them. */
const SECTION_WORDS: readonly RegExp[] = [
  /总体情况/,
  /主动公开政府信息/,
  /收到和处理政府信息公开申请/,
  /行政复议.*行政诉讼/,
  /存在的主要问题/,
  /其他需要报告的事项/,
];

/** A heading's number: 一、 二. 三． 1、 (2) （三） and the like, then its words. */
const NUMBERED = /^[\s\u3000]*(?:[（(]?[一二三四五六1-6１-６][）)]?[、.．,，\s\u3000]|[（(][一二三四五六1-6１-６][）)])/;

export function openingLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.slice(0, OPENING_CHARS).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    // NFKC folds the look-alike radicals PDF fonts print (`⼀` for 一, `⼯` for 工), as the engine does.
    const t = line.trim().normalize('NFKC');
    if (t === '') continue;
    out.push(t);
    if (out.length >= OPENING_LINES) break;
  }
  return out;
}

export function readsAsAnnualReport(text: string): boolean {
  const lines = openingLines(text);
  // The title comes first, after at most the agency's name and a date.
  if (lines.slice(0, 5).some((l) => l.length <= 80 && TITLE.test(l) && YEARLY_REPORT.test(l))) return true;
  const sections = new Set<number>();
  for (const l of lines) {
    if (l.length > 40 || !NUMBERED.test(l)) continue;
    const i = SECTION_WORDS.findIndex((w) => w.test(l));
    if (i >= 0) sections.add(i);
  }
  return sections.size >= 2;
}

/** After the parse: whether the engine read a report (a section or a table of one) rather than other text. */
export function isReport(report: Report): boolean {
  return report.content === 'text' && (report.sections.length > 0 || Object.keys(report.tables).length > 0);
}

/**
 * Whether a file's path matches the `xxgk.files` globs: tested relative to its workspace folder (as the
 * workspace check and the CLI test it, relative to the folder of the config) and as an absolute path, so
 * that the default globs (starting with `**`) also find a file outside every folder.
 */
export function pathMatchesFiles(paths: { readonly relative?: string; readonly absolute: string }, globs: readonly string[]): boolean {
  const matches = globListMatcher(globs);
  return (paths.relative !== undefined && matches(paths.relative)) || matches(paths.absolute);
}

export interface SwitchQuestion {
  /** The path matches `xxgk.files`. */
  readonly byName: boolean;
  /** The setting `xxgk.detectByContent` (default true). */
  readonly detectByContent: boolean;
  /** The document's opening text, read only when needed. */
  opening(): string;
}

/** Whether plain text is switched to the report language: by name always, by content unless the setting is off. */
export function readsAsReportDocument(q: SwitchQuestion): boolean {
  return q.byName || (q.detectByContent && readsAsAnnualReport(q.opening()));
}
