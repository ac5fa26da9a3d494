/**
 * `--fix` and `--fix-dry-run`: safe fixes only (never suggestions), re-checked until nothing changes;
 * files written back atomically (a temporary file in the same folder, then a rename) with the mode they had.
 */
import { realpathSync, statSync } from 'node:fs';
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

/** Replace a file in one step: readers see the old bytes or the new ones, never half a file. A link is followed. */
export function writeAtomic(link: string, bytes: Buffer): void {
  const path = realpathSync(link);
  writeWhole(path, bytes, statSync(path).mode & 0o7777);
}

/** A unified diff (`--- a/path`, `+++ b/path`, three lines of context); '' when nothing changed. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const name = path.split('\\').join('/');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
