/**
 * Where a run's output goes: stdout, or the file of `-o FILE` (any format). The file is written whole, once,
 * after every report is checked, through a temporary file renamed into place: a failed run never leaves half a
 * SARIF log for an upload step, and a reader never sees half a report. Binary output never goes to a terminal.
 */
import { mkdirSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { beginWhole, writeWhole, type WholeFile } from './write-whole';

export interface OutputTarget {
  readonly stdout: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly cwd: string;
}

export class OutputError extends Error {}

/** An existing output file is written as it was (mode, owner, links; write-whole.ts); a symbolic link is followed. */
function followed(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function writeFileWhole(path: string, content: string | Uint8Array, shown: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeWhole(followed(path), typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  } catch (error) {
    throw new OutputError(`无法写入输出文件 (cannot write the output file) ${shown}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Writes the output to `file` (relative to the working folder; parent folders created) or, without a file, to
 * stdout. Text or bytes alike, so that a binary format goes through the same door.
 */
export function writeOutput(content: string | Uint8Array, file: string | undefined, target: OutputTarget): void {
  if (file !== undefined) {
    writeFileWhole(resolve(target.cwd, file), content, file);
    return;
  }
  if (typeof content !== 'string' && target.stdout.isTTY === true) {
    throw new OutputError('二进制格式不写到终端，请用 -o 文件 指定输出文件 (binary output is not written to a terminal: use -o FILE)');
  }
  target.stdout.write(content);
}

/** An output written in parts: to stdout as they come, or to FILE through a temporary file renamed at `close`. */
export interface OutputSink {
  write(chunk: string | Uint8Array): void;
  /** Everything is written: the file takes its place. */
  close(): void;
  /** The run failed: the temporary file goes, FILE stays as it was. */
  abort(): void;
}

export function openOutput(file: string | undefined, target: OutputTarget): OutputSink {
  if (file === undefined) return { write: (chunk) => void target.stdout.write(chunk), close() {}, abort() {} };
  const path = resolve(target.cwd, file);
  const failed = (error: unknown): OutputError => new OutputError(`无法写入输出文件 (cannot write the output file) ${file}: ${error instanceof Error ? error.message : String(error)}`);
  let whole: WholeFile;
  try {
    mkdirSync(dirname(path), { recursive: true });
    whole = beginWhole(followed(path));
  } catch (error) {
    throw failed(error);
  }
  const guarded = (f: () => void) => {
    try {
      f();
    } catch (error) {
      whole.abort();
      throw failed(error);
    }
  };
  return {
    write: (chunk) => guarded(() => whole.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)),
    close: () => guarded(() => whole.commit()),
    abort: () => whole.abort(),
  };
}
