/** Writing a file in one step: readers see the old bytes or the new ones, never half a file. */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file being written beside `path`: it takes `path`'s place at `commit`, and leaves no trace at `abort`. */
export interface WholeFile {
  write(bytes: Uint8Array): void;
  commit(): void;
  abort(): void;
}

export function beginWhole(path: string, mode: number): WholeFile {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined = openSync(tmp, 'wx', mode);
  const open = (): number => {
    if (fd === undefined) throw new Error('closed');
    return fd;
  };
  return {
    write(bytes) {
      writeSync(open(), bytes);
    },
    commit() {
      const d = open();
      fsyncSync(d);
      closeSync(d);
      fd = undefined;
      renameSync(tmp, path);
    },
    abort() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      try {
        unlinkSync(tmp);
      } catch {
        // Already gone, or renamed into place.
      }
    },
  };
}

/** Write `bytes` to a temporary file beside `path`, then rename it over `path`. */
export function writeWhole(path: string, bytes: Uint8Array, mode: number): void {
  const file = beginWhole(path, mode);
  try {
    file.write(bytes);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}
