/**
 * Writing a file in one step, as the file was: readers see the old bytes or the new ones, never half a file,
 * and the file keeps its mode, its owner and its hard links.
 *
 * - A new file, or one with a single link whose owner can be kept: a temporary file in the same folder takes
 *   the mode and owner of the old one, then is renamed over it (atomic).
 * - A file with more than one hard link, or one whose owner cannot be given to a new file (another user's file
 *   that this user may write), or in a folder where no temporary file can be made: written through, in place,
 *   so that every link sees the new text and the owner stays.
 * - A read-only file (no write permission bit, or not writable by this user) is never written: ReadOnlyError.
 *
 * Temporary files are named `.<name>.xxgk-check.<pid>.<hex>.tmp`, a pattern only this tool writes; those of a
 * run that was killed (its process gone) are removed the next time a file of that folder is written.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, readdirSync, renameSync,
  statSync, unlinkSync, writeSync, accessSync, type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file being written beside `path`: it takes `path`'s place at `commit`, and leaves no trace at `abort`. */
export interface WholeFile {
  write(bytes: Uint8Array): void;
  commit(): void;
  abort(): void;
}

/** The file is read-only: it is left as it is (the caller says so). */
export class ReadOnlyError extends Error {
  constructor() {
    super('只读文件，未写入，文件保持原样 (a read-only file is not written: it is left as it was)');
  }
}

const TEMP = /^\.(.+)\.xxgk-check\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.xxgk-check.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const cleaned = new Set<string>();

/**
 * Removes this tool's temporary files left in a folder by a run that was killed (their process is gone);
 * once per folder and process. Returns how many were removed.
 */
export function removeLeftovers(dir: string): number {
  if (cleaned.has(dir)) return 0;
  cleaned.add(dir);
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || isAlive(Number(m[2]))) continue;
    try {
      unlinkSync(join(dir, name));
      removed++;
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

function statOrNone(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isReadOnly(path: string, st: Stats): boolean {
  if ((st.mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** Writes collected, then written through the existing file at commit: its inode, links, mode and owner stay. */
function throughFile(path: string): WholeFile {
  const parts: Uint8Array[] = [];
  return {
    write(bytes) {
      parts.push(bytes);
    },
    commit() {
      const bytes = Buffer.concat(parts);
      const fd = openSync(path, constants.O_WRONLY);
      try {
        let done = 0;
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
        // A device or a pipe (`-o /dev/stdout`) is written, not truncated.
        if (fstatSync(fd).isFile()) {
          ftruncateSync(fd, bytes.length);
          fsyncSync(fd);
        }
      } finally {
        closeSync(fd);
      }
    },
    abort() {},
  };
}

/**
 * A temporary file beside `path` with the old file's mode and owner; undefined when the owner cannot be kept
 * or no file can be made in the folder (then the file is written through).
 */
function tempFile(path: string, old: Stats | undefined): WholeFile | undefined {
  const tmp = tempName(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o666);
  } catch (error) {
    if (old && ((error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EPERM')) return undefined;
    throw error;
  }
  try {
    if (old) {
      // Not umask's mode: the file's own (0664 stays 0664).
      fchmodSync(fd, old.mode & 0o7777);
      const now = fstatSync(fd);
      if (now.uid !== old.uid || now.gid !== old.gid) fchownSync(fd, old.uid, old.gid);
      // Set-id bits are cleared by a change of owner: set the mode once more.
      if (now.uid !== old.uid || now.gid !== old.gid) fchmodSync(fd, old.mode & 0o7777);
    }
  } catch (error) {
    closeSync(fd);
    unlinkSync(tmp);
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return undefined;
    throw error;
  }
  const open = (): number => {
    if (fd === undefined) throw new Error('closed');
    return fd;
  };
  return {
    write(bytes) {
      const d = open();
      let done = 0;
      while (done < bytes.length) done += writeSync(d, bytes, done, bytes.length - done);
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

/** Begins writing `path` (see the module comment for how). Throws ReadOnlyError for a read-only file. */
export function beginWhole(path: string): WholeFile {
  removeLeftovers(dirname(path));
  const old = statOrNone(path);
  if (old && !old.isFile()) return throughFile(path);
  if (old && isReadOnly(path, old)) throw new ReadOnlyError();
  if (old && old.nlink > 1) return throughFile(path);
  return tempFile(path, old) ?? throughFile(path);
}

/** Write `bytes` to `path` whole, as the file was (see the module comment). */
export function writeWhole(path: string, bytes: Uint8Array): void {
  const file = beginWhole(path);
  try {
    file.write(bytes);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}
