// `npm run bench -- --profile`: CPU profiles (node --cpu-prof) of check() on the 1 MB and 5 MB inputs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE } from './engine.mjs';
import { summarise } from './cpuprofile.mjs';

const TARGET = fileURLToPath(new URL('./profile-target.mjs', import.meta.url));

export function profiles({ shapes = ['concat', 'table2', 'review'], sizes = [1024 * 1024, 5 * 1024 * 1024], top = 10, log = () => {} } = {}) {
  const out = [];
  for (const shape of shapes) {
    for (const bytes of sizes) {
      const dir = join(CACHE, 'profiles', `${shape}-${bytes}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      log(`  profiling ${shape} ${bytes} B`);
      const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, TARGET, shape, String(bytes), bytes > 2e6 ? '2' : '5'], { encoding: 'utf8' });
      const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
      if (r.status !== 0 || !file) {
        out.push({ shape, bytes, error: (r.stderr || 'no profile').trim().split('\n').slice(-2).join(' ') });
        continue;
      }
      out.push({ shape, bytes, file: join(dir, file), ...summarise(join(dir, file), top) });
    }
  }
  return out;
}

/**
 * The server under `--cpu-prof` (an unminified bundle of server/src/server.ts, so names survive):
 * `edits` single-character edits on a 1 MB report, then a 5 MB report opened and pulled.
 */
export async function serverProfile({ engine, edits = 60, log = () => {}, top = 12 } = {}) {
  const { buildServerForProfile } = await import('./engine.mjs');
  const { Server, editLatency, responsiveness } = await import('./lsp-bench.mjs');
  const { SHAPES, sampleFiles } = await import('./synth.mjs');
  const { readFileSync } = await import('node:fs');
  const script = await buildServerForProfile();
  const out = [];
  for (const [name, run] of [
    ['server: 1 MB editing', (s) => editLatency(s, 'file:///bench/one-megabyte.txt', SHAPES.concat.make(engine, 1024 * 1024), edits, null)],
    ['server: 5 MB open + pull', (s) => responsiveness(s, 'file:///bench/five-megabytes.txt', SHAPES.table2.make(engine, 5 * 1024 * 1024),
      'file:///bench/small.txt', readFileSync(sampleFiles()[2], 'utf8'))],
  ]) {
    log(`  profiling ${name}`);
    const dir = join(CACHE, 'profiles', name.replace(/\W+/g, '-'));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      const server = await Server.start({ script, execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
      try { await run(server); } finally { await server.stop(); }
    } catch (error) {
      out.push({ shape: name, error: String(error?.message ?? error) });
      continue;
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    out.push(file ? { shape: name, file: join(dir, file), ...summarise(join(dir, file), top) } : { shape: name, error: 'no profile written' });
  }
  return out;
}
