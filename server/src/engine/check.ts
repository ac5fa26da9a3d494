/** check(text, options) → findings: the engine's entry point for the server, the CLI, tests and benchmarks. */
import { format, localeOf, type Message } from '../messages';
import type { Report, Span } from './model';
import { certainOrSuggested } from './fixes';
import { parseReport } from './parse/report';
import { RULES, ruleOf } from './rules';
import type { FindingDraft, FixDraft, OtherReport, Rule, RuleContext, Severity, SeveritySetting } from './rules/types';
import { positionAt, type Position } from './text/lines';
import type { FormatVersion } from './template/types';
import type { CheckCache } from './incremental/versions';

/** Last year's report of the same body, as the server and the CLI pass it in the check options. */
export interface PreviousReport {
  readonly text: string;
  readonly uri: string;
  /** How to name the file in messages (default: the last part of the URI). */
  readonly label?: string;
}

export interface CheckOptions {
  readonly version?: 'auto' | FormatVersion;
  /** Per-rule severity or `off`, by code or alias. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** `zh-CN` or `en`, or any client locale (`en-US` reads as English, others as Chinese). */
  readonly locale?: string;
  /** Polled between rules; when it returns true the check stops and reports `cancelled`. */
  readonly isCancelled?: () => boolean;
  /** Last year's report of the same body, for `carry-over-mismatch`. */
  readonly previous?: PreviousReport;
  /**
   * The document's earlier versions (a `CheckCache`, one per document): lines the edits left alone are
   * not read again and last year's report is parsed once. The result is the same as without it.
   */
  readonly cache?: CheckCache;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface Edit {
  readonly span: Span;
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
}

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly range: Range;
  /** Other cells involved; `uri` is set when they are in another file (last year's report). */
  readonly related: readonly { readonly span: Span; readonly range: Range; readonly message: string; readonly uri?: string }[];
  readonly fix?: Fix;
  readonly suggestions: readonly Fix[];
  readonly target?: { readonly row?: string; readonly column?: string };
}

export interface CheckResult {
  readonly report: Report;
  readonly findings: readonly Finding[];
  readonly cancelled: boolean;
}

export function rangeOf(report: Report, span: Span): Range {
  return { start: positionAt(report.lines, span.start), end: positionAt(report.lines, span.end) };
}

/**
 * `rangeOf` for the findings of one check: the same cells are named by many findings (a broken total by its row's
 * and its column's identities), so each offset's position is looked up once and shared (positions are read-only).
 */
function rangesOf(report: Report): (span: Span) => Range {
  const positions = new Map<number, Position>();
  const at = (offset: number): Position => {
    let p = positions.get(offset);
    if (!p) {
      p = positionAt(report.lines, offset);
      positions.set(offset, p);
    }
    return p;
  };
  return (span) => ({ start: at(span.start), end: at(span.end) });
}

export function severityFor(code: string, options: CheckOptions): SeveritySetting | undefined {
  const rule = ruleOf(code);
  if (!rule || !options.rules) return undefined;
  for (const c of [rule.code, ...rule.aliases]) if (options.rules[c]) return options.rules[c];
  return undefined;
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  return checkReport(parseReport(text, { version: options.version, cache: options.cache }), options);
}

/** The rules over a report already parsed (with `options.version`): the server parses once per version. */
export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  const locale = localeOf(options.locale);
  const render = (m: Message) => format(m, locale);
  const range = rangesOf(report);
  const findings: Finding[] = [];
  const previous = lazyPrevious(options.previous, options.cache);
  // One context for the whole check; `report` files each draft under the rule being run.
  let rule: Rule = RULES[0];
  let setting: Severity | undefined;
  const ctx: RuleContext = {
    // Every safe fix passes the fix engine's certainty rule: a value the identities do not determine is a suggestion.
    report: (d) => findings.push(findingOf(range, rule, setting, certainOrSuggested(report, d), render)),
    get previous() {
      return previous();
    },
  };
  let cancelled = false;
  // Reports for 2018 and earlier follow an older structure (docs/format.md, "Format versions"): one finding, not a cascade.
  const outOfScope = report.year !== null && report.year.value < 2019;
  for (const next of RULES) {
    if (outOfScope && next.code !== 'version-mismatch') continue;
    if (options.isCancelled?.()) {
      cancelled = true;
      break;
    }
    const configured = severityFor(next.code, options);
    if (configured === 'off') continue;
    rule = next;
    setting = configured;
    try {
      rule.run(report, ctx);
    } catch (error) {
      // A failing rule becomes one finding naming it; the other rules still run.
      const span = { start: 0, end: 0 };
      findings.push({
        code: 'internal-error', severity: 'error', span, range: rangeOf(report, span), related: [], suggestions: [],
        message: render({ key: 'internal-error', args: { rule: rule.code, error: error instanceof Error ? error.message : String(error) } }),
      });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
  return { report, findings, cancelled };
}

/** Last year's report, parsed the first time a rule asks for it, never when no rule does. */
function lazyPrevious(input: PreviousReport | undefined, cache: CheckCache | undefined): () => OtherReport | undefined {
  let parsed: OtherReport | undefined;
  return () => {
    if (input && !parsed) {
      const report = cache ? cache.previousParsed(input.text, (text) => parseReport(text)) : parseReport(input.text);
      parsed = { report, uri: input.uri, label: input.label };
    }
    return parsed;
  };
}

/** The one translation of a rule's draft into a finding: severity, message, ranges, fixes. */
function findingOf(
  range: (span: Span) => Range, rule: Rule, setting: Severity | undefined, d: FindingDraft, render: (m: Message) => string,
): Finding {
  const fixOf = (f: FixDraft): Fix => ({
    title: render(f.title),
    edits: f.edits.map((e) => ({ span: e.span, range: range(e.span), newText: e.newText })),
  });
  return {
    code: rule.code,
    // A rule may lower one finding below its default (version-mismatch for 2019 reports): a setting
    // equal to the default keeps that; any other setting applies to all the rule's findings.
    severity: setting && setting !== rule.defaultSeverity ? setting : d.severity ?? rule.defaultSeverity,
    message: render(d.message),
    span: d.span,
    range: range(d.span),
    // A related span in another report gets that report's positions and its URI.
    related: (d.related ?? []).map((r) => r.in
      ? { uri: r.in.uri, span: r.span, range: rangeOf(r.in.report, r.span), message: render(r.message) }
      : { span: r.span, range: range(r.span), message: render(r.message) }),
    fix: d.fix ? fixOf(d.fix) : undefined,
    suggestions: (d.suggestions ?? []).map(fixOf),
    target: d.target,
  };
}
