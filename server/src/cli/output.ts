/**
 * Where a run's output goes: stdout, or the file of `-o FILE` (any format). The file is written whole, once,
 * after every report is checked, so that a failed run never leaves half a SARIF log for an upload step.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface OutputTarget {
  readonly stdout: NodeJS.WritableStream;
  readonly cwd: string;
}

export class OutputError extends Error {}

/**
 * Writes the output to `file` (relative to the working folder; parent folders created) or, without a file, to
 * stdout. Text or bytes alike, so that a binary format goes through the same door.
 */
export function writeOutput(text: string | Uint8Array, file: string | undefined, target: OutputTarget): void {
  if (file === undefined) {
    target.stdout.write(text);
    return;
  }
  const abs = resolve(target.cwd, file);
  try {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  } catch (error) {
    throw new OutputError(`无法写入输出文件 (cannot write the output file) ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
