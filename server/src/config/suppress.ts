/**
 * Suppressions written outside the report (`ignore` in settings or `.xxgkrc.json`): an entry silences the
 * findings of its rule (code or alias) in the files its `file` names (a path or glob relative to the
 * config that holds it) on the finding's `target` row and column, when given.
 */
import { posix, relative, sep } from 'node:path';
import type { Finding } from '../engine';
import { ruleOf } from '../engine';
import { matchesGlob } from './glob';
import type { Suppression } from './schema';

export interface ScopedSuppression {
  readonly entry: Suppression;
  /** The folder `entry.file` is relative to (the config file's folder), or null when unknown. */
  readonly base: string | null;
}

/** The document as suppressions see it: its file-system path, or its name when it has none (untitled). */
export interface SuppressionSubject {
  readonly path: string | null;
  readonly name: string;
}

function fileMatches(s: ScopedSuppression, subject: SuppressionSubject): boolean {
  const candidates: string[] = [];
  if (subject.path !== null) {
    if (s.base !== null) candidates.push(relative(s.base, subject.path).split(sep).join(posix.sep));
    candidates.push(subject.path.split(sep).join(posix.sep));
  } else {
    candidates.push(subject.name);
  }
  return candidates.some((c) => matchesGlob(c, s.entry.file));
}

export function isSuppressed(finding: Finding, subject: SuppressionSubject, suppressions: readonly ScopedSuppression[]): boolean {
  return suppressions.some((s) => {
    if (ruleOf(s.entry.rule)?.code !== finding.code) return false;
    if (s.entry.row !== undefined && s.entry.row !== finding.target?.row) return false;
    if (s.entry.column !== undefined && s.entry.column !== finding.target?.column) return false;
    return fileMatches(s, subject);
  });
}
