/**
 * Running the converter (dist/convert.mjs) in its own process with a time cap and memory caps (heap here,
 * resident memory by the converter's own watchdog, main.ts): the CLI
 * waits for it synchronously, the language server asynchronously. Whatever happens to that process — a crash,
 * the cap, garbage on stdout — the caller gets one Conversion, never an exception.
 */
import { execFile, spawnSync } from 'node:child_process';
import * as z from 'zod/v4';
import { CONVERT_MEMORY_MB, CONVERT_TIMEOUT_MS } from './limits';
import type { Conversion } from './types';

const location = z.object({
  page: z.number().int().optional(),
  box: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).optional(),
  paragraph: z.number().int().optional(),
  table: z.number().int().optional(),
  row: z.number().int().optional(),
  cell: z.number().int().optional(),
  path: z.string().optional(),
});
const conversion = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('converted'),
    format: z.enum(['pdf', 'docx', 'html']),
    text: z.string(),
    lines: z.array(z.object({
      source: location,
      cells: z.array(z.object({ start: z.number(), end: z.number(), source: location })).optional(),
    })),
    pages: z.number().int().optional(),
  }),
  z.object({
    kind: z.literal('failed'),
    format: z.enum(['pdf', 'docx', 'html']).nullable(),
    reason: z.enum(['legacy-format', 'ofd-format', 'unknown-format', 'scanned', 'encrypted', 'corrupt', 'no-report', 'too-many-pages', 'page-too-large', 'inflated-too-large', 'xml-hostile', 'timeout', 'memory', 'garbage-text', 'too-much-text', 'too-large']),
    detail: z.string().optional(),
  }),
]);

export interface RunOptions {
  /** The converter script, dist/convert.mjs. */
  readonly script: string;
  readonly timeoutMs?: number;
  /** Aborting kills the converter process (the editor's cancelled workspace check). */
  readonly signal?: AbortSignal;
}

/** Converted text is capped by the engine at 2 MB; the JSON with its source map stays well under this. */
const MAX_OUTPUT = 64 * 1024 * 1024;

function args(script: string, file: string): string[] {
  return [`--max-old-space-size=${CONVERT_MEMORY_MB}`, script, file];
}

/** Electron (VS Code's extension host and its server) runs scripts as Node only with this set. */
const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };

function parseOutput(stdout: string, failed: { timedOut: boolean; error?: string }): Conversion {
  if (failed.timedOut) return { kind: 'failed', format: null, reason: 'timeout' };
  try {
    const parsed = conversion.safeParse(JSON.parse(stdout));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: the process died (out of memory, killed) before it could answer.
  }
  return { kind: 'failed', format: null, reason: 'corrupt', detail: failed.error ?? 'the converter stopped without an answer' };
}

export function convertFileSync(file: string, o: RunOptions): Conversion {
  const r = spawnSync(process.execPath, args(o.script, file), {
    encoding: 'utf8', timeout: o.timeoutMs ?? CONVERT_TIMEOUT_MS, maxBuffer: MAX_OUTPUT, env, windowsHide: true, killSignal: 'SIGKILL',
  });
  const timedOut = r.error !== undefined && /ETIMEDOUT/.test(String((r.error as NodeJS.ErrnoException).code ?? r.error.message));
  return parseOutput(r.stdout ?? '', { timedOut, error: r.error?.message ?? (r.status !== 0 ? (r.stderr ?? '').split('\n').find((l) => l.trim() !== '') : undefined) });
}

export function convertFile(file: string, o: RunOptions): Promise<Conversion> {
  return new Promise((resolve) => {
    execFile(process.execPath, args(o.script, file), {
      encoding: 'utf8', timeout: o.timeoutMs ?? CONVERT_TIMEOUT_MS, maxBuffer: MAX_OUTPUT, env, windowsHide: true, killSignal: 'SIGKILL',
      ...(o.signal ? { signal: o.signal } : {}),
    }, (error, stdout) => {
      const timedOut = error !== null && (error as { killed?: boolean }).killed === true;
      resolve(parseOutput(stdout, { timedOut, error: error?.message }));
    });
  });
}
