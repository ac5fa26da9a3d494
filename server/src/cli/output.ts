/**
 * Where the output goes: standard output, or the file named by `-o` (written whole, through a temporary
 * file renamed into place, so a reader never sees half a report). Binary output is never written to a
 * terminal.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export class OutputError extends Error {}

export interface OutputTarget {
  readonly stdout: NodeJS.WriteStream;
  /** `-o FILE`, absolute. */
  readonly file?: string;
}

function writeFileWhole(path: string, content: string | Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was created.
    }
    throw new OutputError(`无法写入 (cannot write) ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function writeOutput(target: OutputTarget, content: string | Buffer): void {
  if (target.file !== undefined) {
    writeFileWhole(target.file, content);
    return;
  }
  if (typeof content !== 'string' && target.stdout.isTTY === true) {
    throw new OutputError('二进制格式不写到终端，请用 -o 文件 指定输出文件 (binary output is not written to a terminal: use -o FILE)');
  }
  target.stdout.write(content);
}
