/**
 * Runs the bundled CLI (dist/cli.js) as a process, the way users and CI scripts run `xxgk-check`.
 * `npm test` builds first; when dist/cli.js is missing or older than the sources (running this folder alone
 * after an edit), it is rebuilt once with esbuild, written aside and renamed into place so that concurrent
 * test files never read half a bundle.
 */
import { spawnSync } from 'node:child_process';
import type { TestContext } from 'node:test';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';

export const ROOT = join(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const SAMPLES = join(ROOT, 'samples');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');
export { SAMPLE } from '../../support/samples';

export const sampleText = (name: string): string => readFileSync(join(SAMPLES, name), 'utf8');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

let built = false;

/** Make sure dist/cli.js is the bundle of the current sources. */
export function ensureBuilt(): void {
  if (built) return;
  const sources = Math.max(newestSource(join(ROOT, 'server', 'src')), statSync(join(ROOT, 'package.json')).mtimeMs);
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < sources) {
    // The same options as esbuild.mjs uses for the CLI entry.
    const aside = join(ROOT, 'dist', `.cli.${process.pid}.js`);
    mkdirSync(dirname(aside), { recursive: true });
    buildSync({
      entryPoints: [join(ROOT, 'server', 'src', 'cli', 'main.ts')], outfile: aside, bundle: true, platform: 'node',
      target: 'node18', format: 'cjs', logLevel: 'warning', banner: { js: '#!/usr/bin/env node' },
    });
    renameSync(aside, CLI);
  }
  built = true;
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** What standard input holds (default: nothing). */
  readonly input?: string | Buffer;
}

/** `node dist/cli.js ...args`, colour off unless the test asks for it. */
export function runCli(args: readonly string[], options: RunOptions = {}): Run {
  ensureBuilt();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env })) {
    if (v !== undefined) env[k] = v;
  }
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...(options.input !== undefined ? { input: options.input } : {}),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The JSON output of a run, parsed, with the contract's shape. */
export interface JsonDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  related: { message: string; range: JsonDiagnostic['range'] }[];
  fixable: boolean;
}
export interface JsonFile {
  path: string;
  version: string | null;
  encoding: string | null;
  status: 'report' | 'not-report' | 'unreadable';
  fixed?: number;
  layouts: Record<string, { layout: string; confidence: number; readable: boolean }>;
  diagnostics: JsonDiagnostic[];
}

export function runJson(args: readonly string[], options: RunOptions = {}): { run: Run; files: JsonFile[] } {
  const run = runCli(['--format', 'json', ...args], options);
  const parsed = JSON.parse(run.stdout) as { files: JsonFile[] };
  return { run, files: parsed.files };
}

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix = 'xxgk-cli-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Write files (text as UTF-8, or raw bytes) under a folder, creating sub-folders. */
export function writeTree(root: string, files: Readonly<Record<string, string | Buffer>>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

export function copySample(name: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(join(SAMPLES, name), to);
}

/**
 * How to run the CLI as a normal user, for the permission tests: as it is when the tests do not run as root;
 * as `nobody` through `setpriv` when they do. A reason instead when root has no other user to become.
 */
export function normalUser(): { readonly prefix: readonly string[] } | { readonly skip: string } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { prefix: [] };
  const setpriv = spawnSync('setpriv', ['--version'], { encoding: 'utf8' });
  if (setpriv.error || setpriv.status !== 0) return { skip: 'running as root, and setpriv is not installed to become another user' };
  const nobody = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
  if (nobody.status !== 0) return { skip: 'running as root, and there is no user nobody to run as' };
  const group = spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' });
  return { prefix: ['setpriv', `--reuid=${nobody.stdout.trim()}`, `--regid=${group.stdout.trim()}`, '--clear-groups'] };
}

/**
 * A permission test: `body` gets how to run as a normal user (normalUser) and a temporary folder with `mode`,
 * removed afterwards; the test is skipped with the reason printed only when there is no user to run as.
 */
export function asNormalUser(t: TestContext, mode: number, body: (prefix: readonly string[], dir: string) => void): void {
  const user = normalUser();
  if ('skip' in user) {
    t.skip(user.skip);
    return;
  }
  const d = tempDir();
  try {
    chmodSync(d.dir, mode);
    body(user.prefix, d.dir);
  } finally {
    d.remove();
  }
}

/** `runCli` as the user `prefix` runs as (normalUser). */
export function runCliAs(prefix: readonly string[], args: readonly string[], options: RunOptions = {}): Run {
  if (prefix.length === 0) return runCli(args, options);
  ensureBuilt();
  const r = spawnSync(prefix[0], [...prefix.slice(1), process.execPath, CLI, ...args], {
    cwd: options.cwd ?? ROOT, env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
