/**
 * `--fix` and `--fix-dry-run`: safe fixes only (never suggestions), re-checked until nothing changes;
 * files written back as they were (write-whole.ts): atomically by a temporary file in the same folder and a
 * rename, with their mode and owner; written through in place when they have other hard links; a read-only
 * file is not written.
 */
import { realpathSync } from 'node:fs';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { applyEdits, safeFixEdits, type Finding } from '../engine';
import { writeWhole } from './write-whole';

/** A fix can reveal another (a renumbered heading completes a section): a few passes, never an endless loop. */
export const MAX_FIX_PASSES = 5;

export interface Fixed<A> {
  readonly text: string;
  /** Edits applied over all passes. */
  readonly applied: number;
  /** The analysis of the final text. */
  readonly analysis: A;
}

export function fixUntilStable<A extends { readonly findings: readonly Finding[] }>(text: string, analyse: (text: string) => A): Fixed<A> {
  let analysis = analyse(text);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = safeFixEdits(analysis.findings);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
    applied += edits.length;
    analysis = analyse(text);
  }
  return { text, applied, analysis };
}

/** Replace a file as it was (write-whole.ts). A symbolic link is followed: the file it points to is written. */
export function writeAtomic(link: string, bytes: Buffer): void {
  writeWhole(realpathSync(link), bytes);
}

/** A unified diff (`--- a/path`, `+++ b/path`, three lines of context); '' when nothing changed. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const name = path.split('\\').join('/');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
