/**
 * `--fix` and `--fix-dry-run`: safe fixes only (never suggestions), re-checked until nothing changes;
 * files written back atomically (a temporary file in the same folder, then a rename) with the mode they had.
 */
import { realpathSync, statSync } from 'node:fs';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { writeWhole } from './write-whole';

export { MAX_FIX_PASSES, fixUntilStable, type Fixed } from '../engine';

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
