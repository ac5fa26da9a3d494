/**
 * The converter as its own process (dist/convert.mjs): `node convert.mjs FILE` prints one JSON Conversion on
 * stdout. The CLI and the language server start it with a time cap and a heap cap, and it watches its own
 * resident memory, so a hostile file can only cost that process, never theirs.
 */
import './quiet-console';
import { readFileSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { convert } from './index';
import { detect, extensionOf } from './detect';
import { CONVERT_RESIDENT_MB, MAX_FILE_BYTES, RESIDENT_POLL_MS } from './limits';
import type { Conversion, SourceFormat } from './types';

/**
 * The watchdog: a thread of its own, so that it runs while the main thread is stuck in a synchronous inflate.
 * Past the cap it writes the answer (a `memory` failure) on stdout and ends the process at once.
 */
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
setInterval(() => {
  if (process.memoryUsage.rss() <= workerData.cap) return;
  writeSync(1, workerData.answer);
  process.kill(process.pid, 'SIGKILL');
}, workerData.every);
`;

/** The cap in MB: XXGK_CONVERT_RESIDENT_MB (tests and benches) or CONVERT_RESIDENT_MB. */
function residentCapMb(): number {
  const fromEnv = Number(process.env.XXGK_CONVERT_RESIDENT_MB);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : CONVERT_RESIDENT_MB;
}

const BY_EXTENSION: Readonly<Record<string, SourceFormat>> = { '.pdf': 'pdf', '.docx': 'docx', '.html': 'html', '.htm': 'html' };

function formatByName(path: string): SourceFormat | null {
  return BY_EXTENSION[extensionOf(path)] ?? null;
}

function watchResidentMemory(path: string): void {
  const mb = residentCapMb();
  const answer: Conversion = { kind: 'failed', format: formatByName(path), reason: 'memory', detail: String(mb) };
  const workerData = { cap: mb * 1024 * 1024, every: RESIDENT_POLL_MS, answer: JSON.stringify(answer) };
  const worker = new Worker(WATCHDOG, { eval: true, workerData });
  // The watchdog never keeps the process alive once the answer is written.
  worker.unref();
}

async function run(path: string): Promise<Conversion> {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) {
    const head = Buffer.alloc(1024);
    const detected = detect(path, head);
    return { kind: 'failed', format: detected.format, reason: 'too-large', detail: String(size) };
  }
  return convert(path, new Uint8Array(readFileSync(path)));
}

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: convert.mjs FILE\n');
  process.exitCode = 2;
} else {
  watchResidentMemory(path);
  run(path).then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (error: unknown) => process.stdout.write(JSON.stringify({ kind: 'failed', format: null, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) } satisfies Conversion)),
  );
}
