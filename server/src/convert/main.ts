/**
 * The converter as its own process (dist/convert.mjs): `node convert.mjs FILE` prints one JSON Conversion on
 * stdout. The CLI and the language server start it with a time cap and a memory cap, so a hostile file can
 * only cost that process, never theirs.
 */
import './quiet-console';
import { readFileSync, statSync } from 'node:fs';
import { convert } from './index';
import { detect } from './detect';
import { MAX_FILE_BYTES } from './limits';
import type { Conversion } from './types';

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
  run(path).then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (error: unknown) => process.stdout.write(JSON.stringify({ kind: 'failed', format: null, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) } satisfies Conversion)),
  );
}
