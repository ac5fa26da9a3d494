/** `--format text`: findings grouped by file, each with its line and a caret under the cell (ESLint stylish + codeframe). */
import type { Finding } from '../../engine';
import { runTotals, type FileResult, type RunTotals } from '../types';
import { frameLine } from './frame';
import { sourceAt } from '../../files/converted';
import { FILE_NOT_REPORT } from '../../files/codes';
import type { Labels } from './labels';
import type { Style } from './style';
import { padEnd } from '../width';
import { escapeControl } from './escape';

export interface TextOptions {
  readonly labels: Labels;
  readonly style: Style;
}

/** Related locations shown per finding; the rest are counted (all of them are in json and sarif). */
const MAX_RELATED = 5;

function position(f: { readonly range: Finding['range'] }): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

function findingLines(r: FileResult, f: Finding, o: TextOptions): string[] {
  const { labels: l, style: s } = o;
  const fixable = f.fix ? ` ${s.dim('(' + l.fixable + ')')}` : '';
  const page = r.converted ? sourceAt(r.converted, f.range)?.page : undefined;
  const where = page !== undefined ? ` ${s.dim(l.page(page))}` : '';
  const out = [`  ${padEnd(position(f), 8)} ${s.severity(f.severity, padEnd(l.severity[f.severity], 8))} ${escapeControl(f.message)}${where}  ${s.dim(f.code)}${fixable}`];
  const line = r.lines.get(f.range.start.line);
  if (line !== undefined && line.trim() !== '') {
    const sameLine = f.range.end.line === f.range.start.line;
    const frame = frameLine(line, f.range.start.character, sameLine ? f.range.end.character : Number.MAX_SAFE_INTEGER);
    const gutter = String(f.range.start.line + 1);
    out.push(`  ${s.dim(`${gutter.padStart(6)} │`)} ${frame.text}`);
    out.push(`  ${s.dim(`${' '.repeat(6)} │`)} ${s.severity(f.severity, frame.caret)}`);
  }
  for (const x of f.related.slice(0, MAX_RELATED)) {
    // In another file (last year's report): its path before the position.
    const where = x.uri === undefined ? position(x) : `${escapeControl(x.uri === r.previous?.uri ? r.previous.path : x.uri)}:${position(x)}`;
    // A related place in the same converted file keeps its page, as the finding does.
    const relatedSource = x.uri === undefined ? r.converted : x.uri === r.previous?.uri ? r.previous.converted : undefined;
    const relatedPage = relatedSource ? sourceAt(relatedSource, x.range)?.page : undefined;
    out.push(`  ${' '.repeat(9)}${s.dim('↳ ' + where)} ${escapeControl(x.message)}${relatedPage !== undefined ? ` ${s.dim(l.page(relatedPage))}` : ''}`);
  }
  if (f.related.length > MAX_RELATED) out.push(`  ${' '.repeat(9)}${s.dim('↳ ' + l.moreRelated(f.related.length - MAX_RELATED))}`);
  return out;
}

/** One file's part of the text output: its findings and an empty line; '' for a file without findings. */
export function formatTextFile(r: FileResult, o: TextOptions): string {
  if (r.findings.length === 0) return '';
  const { labels: l, style: s } = o;
  // A file of a folder that is not a report: one line (issue 22).
  if (r.findings.length === 1 && r.findings[0].code === FILE_NOT_REPORT.code) {
    const f = r.findings[0];
    return `${s.underline(escapeControl(r.path))}  ${s.severity(f.severity, l.severity[f.severity])} ${escapeControl(f.message)}  ${s.dim(f.code)}\n\n`;
  }
  const about = [r.version ? l.version(r.version) : null, r.encoding, r.converted ? l.converted(r.converted.format, r.converted.pages) : null].filter((x) => x !== null).join(' · ');
  const out: string[] = [`${s.underline(escapeControl(r.path))}${about ? '  ' + s.dim(about) : ''}`];
  for (const f of r.findings) out.push(...findingLines(r, f, o));
  return out.join('\n') + '\n\n';
}

/** The closing lines of the text output, from the run's totals. */
export function formatTextTotals(t: RunTotals, o: TextOptions): string {
  const { labels: l, style: s } = o;
  const out: string[] = [];
  const c = t.counts;
  const problems = c.error + c.warning + c.info + c.hint;
  if (t.fixedEdits > 0) out.push(s.green('✔ ' + l.fixed(t.fixedEdits, t.fixedFiles)));
  if (problems === 0) {
    out.push(s.green('✔ ' + l.noProblems(t.files)));
  } else {
    const worst = c.error ? 'error' : c.warning ? 'warning' : c.info ? 'info' : 'hint';
    out.push(s.bold(s.severity(worst, '✖ ' + l.problems(c))));
    if (c.fixable > 0) out.push(s.dim('  ' + l.fixableCount(c.fixable)));
    out.push(s.dim('  ' + l.filesChecked(t.files)));
  }
  return out.join('\n');
}

export function formatText(results: readonly FileResult[], o: TextOptions): string {
  return results.map((r) => formatTextFile(r, o)).join('') + formatTextTotals(runTotals(results), o);
}
