/** Applying edits: sorted, overlapping ones dropped, everything outside the edits left byte for byte. */
import type { Report, Span } from './model';
import { isCertainFix, writtenValues } from './query/certainty';
import type { FindingDraft } from './rules/types';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

function overlaps(a: Span, b: Span): boolean {
  const aInsert = a.start === a.end;
  const bInsert = b.start === b.end;
  // Two insertions at one point do not overlap: both apply, in order (several missing sections at the end).
  if (aInsert && bInsert) return false;
  if (aInsert) return a.start > b.start && a.start < b.end;
  if (bInsert) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Order of insertions at one point: whole lines put before the line there (`一、总体情况⏎`), then text
 * within the line (a blank cell's `0`), then lines appended after it (`⏎三、…` at the end of the text).
 */
function insertRank(e: TextEdit): number {
  if (e.span.start !== e.span.end) return 0;
  if (/^(\r\n|\r|\n)/.test(e.newText)) return 2;
  return /(\r\n|\r|\n)$/.test(e.newText) ? 0 : 1;
}

/** Keep edits in text order, dropping any that overlaps one already kept (the first wins) or repeats it. */
export function nonOverlapping<T extends TextEdit>(edits: readonly T[]): T[] {
  const sorted = edits.map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.span.start - b.e.span.start || a.e.span.end - b.e.span.end || insertRank(a.e) - insertRank(b.e) || a.i - b.i);
  const kept: T[] = [];
  for (const { e } of sorted) {
    const same = (k: TextEdit) => k.span.start === e.span.start && k.span.end === e.span.end && k.newText === e.newText;
    if (kept.some((k) => overlaps(k.span, e.span) || same(k))) continue;
    kept.push(e);
  }
  return kept;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const kept = nonOverlapping(edits);
  let out = '';
  let at = 0;
  for (const e of kept) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/** The edits of every safe fix among the findings (never suggestions), without overlaps. */
export function safeFixEdits(findings: readonly { readonly fix?: { readonly edits: readonly TextEdit[] } }[]): TextEdit[] {
  return nonOverlapping(findings.flatMap((f) => (f.fix ? f.fix.edits.map((e) => ({ span: e.span, newText: e.newText })) : [])));
}

/**
 * Certain or a suggestion (issue 23), for every rule's safe fix: a fix that writes table cells stays a safe fix
 * only when each value it writes is the one the report's identities allow and, with its writes, every identity
 * that reads a written cell holds and none that held is broken (query/certainty.ts). Otherwise it becomes the
 * first suggestion, its title showing the values it would write: offered to a person, never applied by `--fix`,
 * fix-all or fix-on-save.
 */
export function certainOrSuggested(report: Report, draft: FindingDraft): FindingDraft {
  if (!draft.fix || isCertainFix(report, draft.fix.edits)) return draft;
  const values = [...new Set(writtenValues(report, draft.fix.edits))].join('、');
  const suggestion = { title: { key: 'fix.unconfirmed' as const, args: { values } }, edits: draft.fix.edits };
  return { ...draft, fix: undefined, suggestions: [suggestion, ...(draft.suggestions ?? [])] };
}
