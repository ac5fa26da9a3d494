/**
 * Where a `.xxgkrc.json` is found, the same for the editor and the command line: in the file's folder, else
 * in the nearest folder above it that holds one. What a found file means (skipped with a message in the
 * editor, an error on the command line) is the caller's `read`.
 */
import { dirname, join } from 'node:path';

export const CONFIG_FILE_NAME = '.xxgkrc.json';

/** The first answer of `probe`, walking from `start` up to the root. */
export function findUpward<T>(start: string, probe: (dir: string) => T | undefined): T | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const found = probe(dir);
    if (found !== undefined) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Config files read once per folder (a folder without one remembered too) until `clear()`. */
export class ConfigFiles<T> {
  private readonly byDir = new Map<string, T | null>();

  /** `read(path)`: what the file at `path` means, or undefined when there is no such file. */
  constructor(private readonly read: (path: string) => T | undefined) {}

  /** The config file directly in `dir`. */
  in(dir: string): T | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    const found = this.read(join(dir, CONFIG_FILE_NAME)) ?? null;
    this.byDir.set(dir, found);
    return found;
  }

  /** The config file of a file in `dir`: the one in `dir`, else the nearest above. */
  nearest(dir: string): T | null {
    return findUpward(dir, (d) => this.in(d) ?? undefined) ?? null;
  }

  clear(): void {
    this.byDir.clear();
  }
}
