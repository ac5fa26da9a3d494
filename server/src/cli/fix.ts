/**
 * `--fix` and `--fix-dry-run`: safe fixes only (never suggestions), re-checked until nothing changes;
 * files written back as they were (write-whole.ts): atomically by a temporary file in the same folder and a
 * rename, with their mode and owner; written through in place when they have other hard links; a read-only
 * file is not written.
 */
import { realpathSync } from 'node:fs';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { writeWhole } from './write-whole';

export { MAX_FIX_PASSES, fixUntilStable, type Fixed } from '../engine';

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
