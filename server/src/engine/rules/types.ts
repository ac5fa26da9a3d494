import type { Message } from '../../messages';
import type { Report, Span } from '../model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Edit {
  readonly span: Span;
  readonly newText: string;
}

export interface FixDraft {
  readonly title: Message;
  readonly edits: readonly Edit[];
}

/** Another report a rule compares with (last year's report of the same body), parsed, and where it is. */
export interface OtherReport {
  readonly report: Report;
  readonly uri: string;
  /** How to name the file in messages (default: the last part of the URI). */
  readonly label?: string;
}

export interface RelatedDraft {
  readonly span: Span;
  readonly message: Message;
  /** Set when the span is in another report rather than the one checked. */
  readonly in?: OtherReport;
}

export interface FindingDraft {
  readonly span: Span;
  readonly message: Message;
  readonly related?: readonly RelatedDraft[];
  /** A safe fix: mechanical, one right answer; preferred, in fix-all and `--fix`. */
  readonly fix?: FixDraft;
  /** Suggestions guess (a total set to the sum of parts): offered, never applied automatically. */
  readonly suggestions?: readonly FixDraft[];
  /** Overrides the rule's default severity for this finding (never above what the user sets). */
  readonly severity?: Severity;
  /** What the finding is about, for suppressions keyed by content: row and column ids. */
  readonly target?: { readonly row?: string; readonly column?: string };
}

export interface RuleContext {
  report(finding: FindingDraft): void;
  /** Last year's report of the same body, when the check was given one; parsed on first use. */
  readonly previous?: OtherReport;
}

export interface Rule {
  readonly code: string;
  /** Former codes of this rule: settings and suppressions written with them keep working. */
  readonly aliases: readonly string[];
  readonly defaultSeverity: Severity;
  readonly tags: readonly string[];
  readonly fix: 'safe' | 'suggestion' | 'none';
  run(report: Report, ctx: RuleContext): void;
}
