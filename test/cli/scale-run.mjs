// Scale run of the bundled CLI, outside the test suite: no duration is asserted anywhere.
// Generates report files from samples/ in a temporary folder and times `node dist/cli.js <folder>` on
// 100, 300 and 1,000 of them, with wall time, CPU time and peak memory (maxRSS) of the CLI process, read
// by a preload that records process.resourceUsage() at exit.
// Usage: npm run -s build && node test/cli/scale-run.mjs [--format json] [--sizes 100,300,1000]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const format = arg('--format', 'json');
const sizes = arg('--sizes', '100,300,1000').split(',').map(Number);

const samples = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).sort();
const work = mkdtempSync(join(tmpdir(), 'xxgk-scale-'));
const preload = join(work, 'usage.cjs');
writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(process.env.XXGK_USAGE_OUT, JSON.stringify(process.resourceUsage())));\n`);

try {
  const rows = [];
  for (const n of sizes) {
    const dir = join(work, `reports-${n}`);
    // Ten files per sub-folder; the samples' names match no glob, so each file also goes through the content test.
    for (let i = 0; i < n; i++) {
      const sub = join(dir, `d${String(Math.floor(i / 10)).padStart(3, '0')}`);
      mkdirSync(sub, { recursive: true });
      cpSync(join(root, 'samples', samples[i % samples.length]), join(sub, `${String(i).padStart(4, '0')}_${samples[i % samples.length]}`));
    }
    const out = join(work, `usage-${n}.json`);
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-r', preload, cli, '--format', format, dir], {
      env: { ...process.env, XXGK_USAGE_OUT: out }, maxBuffer: 1024 * 1024 * 1024,
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const usage = JSON.parse(readFileSync(out, 'utf8'));
    const files = format === 'json' ? JSON.parse(r.stdout.toString('utf8')).files.length : n;
    rows.push({
      n, files, exit: r.status, wallMs, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      maxRssMb: usage.maxRSS / 1024, outMb: r.stdout.length / 1024 / 1024,
    });
  }
  console.log(`format ${format}; node ${process.version}; ${samples.length} samples cycled`);
  console.log('files  checked  exit  wall ms  cpu ms  ms/file  peak RSS MB  stdout MB');
  for (const x of rows) {
    console.log(`${String(x.n).padStart(5)}  ${String(x.files).padStart(7)}  ${String(x.exit).padStart(4)}  ${x.wallMs.toFixed(0).padStart(7)}  ${x.cpuMs.toFixed(0).padStart(6)}  ${(x.cpuMs / x.n).toFixed(2).padStart(7)}  ${x.maxRssMb.toFixed(1).padStart(11)}  ${x.outMb.toFixed(1).padStart(9)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
