/**
 * carry-over-mismatch (issue 6, spec §8.6): this year's 上年结转 (R2) against last year's 结转下年度继续办理
 * (R4) of the same body, column by column. It needs the other report, so it is an engine function
 * rather than a rule body: the LSP and the CLI pass last year's text and URI in the check options
 * (`previous`), and `carryOverFindings` turns the drafts into findings whose related locations are in
 * the other file. The `carry-over-mismatch` rule in RULES carries the code, severity and docs.
 */
import { format, localeOf, type Message } from '../messages';
import type { Finding, Range } from './check';
import type { Report, Span } from './model';
import { parseReport } from './parse/report';
import { columnTitle, shortLabel, usableCell } from './rules/helpers';
import { ruleOf } from './rules';
import type { SeveritySetting } from './rules/types';
import { labelKey } from './text/normalize';
import { positionAt } from './text/lines';

/** Last year's report of the same body, as the check options carry it. */
export interface PreviousReport {
  readonly text: string;
  readonly uri: string;
  /** How to name the file in messages (default: the last part of the URI). */
  readonly label?: string;
}

/** A related location in another file. */
export interface CrossFileRelated {
  readonly uri: string;
  readonly span: Span;
  readonly range: Range;
  readonly message: Message;
}

export interface CarryOverDraft {
  /** On this year's R2 cell. */
  readonly span: Span;
  readonly message: Message;
  readonly related: readonly CrossFileRelated[];
  readonly target: { readonly row: string; readonly column: string };
}

const CODE = 'carry-over-mismatch';

/** The body named in the title (or on the line above it), as a key; '' when none. */
export function bodyKey(report: Report): string {
  const { title, year } = report;
  if (!title) return '';
  let body = year && year.span.start >= title.span.start && year.span.end <= title.span.end
    ? report.folded.slice(title.span.start, year.span.start) : '';
  if (labelKey(body) === '') {
    const line = report.lines.findIndex((l) => l.start <= title.span.start && title.span.start <= l.end);
    for (let i = line - 1; i >= 0; i--) {
      const t = report.lines[i].text.trim();
      if (t === '') continue;
      if (t.length <= 30 && !/报告/.test(t)) body = t;
      break;
    }
  }
  return labelKey(body);
}

function fileLabel(uri: string, label?: string): string {
  return label ?? decodeURIComponent(uri.replace(/[?#].*$/, '').split(/[\\/]/).pop() || uri);
}

/**
 * Drafts for every column where this year's R2 differs from last year's R4. None when the other
 * report is not the year before, is of another body (when both name one), or a row is unreadable.
 */
export function checkCarryOver(current: Report, previous: Report, other: { readonly uri: string; readonly label?: string }): CarryOverDraft[] {
  if (!current.year || !previous.year || previous.year.value !== current.year.value - 1) return [];
  const a = bodyKey(current);
  const b = bodyKey(previous);
  if (a && b && a !== b) return [];
  const out: CarryOverDraft[] = [];
  const columns = current.template.applications.columns;
  for (const column of columns) {
    const now = usableCell(current.tables.applications, 'R2', column.id);
    const before = usableCell(previous.tables.applications, 'R4', column.id);
    if (!now || !before) continue;
    const actual = now.cell.value ?? 0;
    const expected = before.cell.value ?? 0;
    if (actual === expected) continue;
    const span = before.cell.span;
    out.push({
      span: now.cell.span,
      message: { key: CODE, args: { column: columnTitle(now.column), actual, expected, year: previous.year.value, file: fileLabel(other.uri, other.label) } },
      related: [{
        uri: other.uri, span,
        range: { start: positionAt(previous.lines, span.start), end: positionAt(previous.lines, span.end) },
        message: { key: 'related.previous', args: { year: previous.year.value, row: shortLabel(before.row.label), column: columnTitle(before.column), value: expected } },
      }],
      target: { row: 'R2', column: column.id },
    });
  }
  return out;
}

/**
 * The carry-over findings of a check, ready to append to the others: empty without a previous
 * report or when the rule is off. Related entries carry the other file's `uri` beside its range.
 */
export function carryOverFindings(
  report: Report,
  previous: PreviousReport | undefined,
  rules: Readonly<Record<string, SeveritySetting>> | undefined,
  locale?: string,
): Finding[] {
  if (!previous || report.content !== 'text') return [];
  const rule = ruleOf(CODE);
  if (!rule) return [];
  let setting: SeveritySetting | undefined;
  for (const c of [rule.code, ...rule.aliases]) if (rules?.[c]) { setting = rules[c]; break; }
  if (setting === 'off') return [];
  const loc = localeOf(locale);
  const render = (m: Message) => format(m, loc);
  const drafts = checkCarryOver(report, parseReport(previous.text), previous);
  return drafts.map((d) => ({
    code: CODE,
    severity: setting ?? rule.defaultSeverity,
    message: render(d.message),
    span: d.span,
    range: { start: positionAt(report.lines, d.span.start), end: positionAt(report.lines, d.span.end) },
    related: d.related.map((r) => ({ uri: r.uri, span: r.span, range: r.range, message: render(r.message) })),
    suggestions: [],
    target: d.target,
  }));
}
