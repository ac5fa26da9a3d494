// The command line as users run it (dist/cli.js in a fresh process): a folder of reports with every core
// against one job, and the start-up on one small file against `node -e 0`.
//   node bench/lib/cli-bench.mjs [--files 3000] [--rounds 3]   (after npm run build) prints the figures alone.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ROOT } from './engine.mjs';
import { median } from './stats.mjs';
import { sampleFiles } from './synth.mjs';

const CLI = join(ROOT, 'dist', 'cli.js');

/** A folder of `n` reports, the samples in turn, ten a sub-folder (names that match no glob: each is sniffed). */
function reportFolder(work, n) {
  const samples = sampleFiles();
  const dir = join(work, `reports-${n}`);
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `d${String(Math.floor(i / 10)).padStart(4, '0')}`);
    if (i % 10 === 0) mkdirSync(sub, { recursive: true });
    const from = samples[i % samples.length];
    copyFileSync(from, join(sub, `${String(i).padStart(5, '0')}_${basename(from)}`));
  }
  return dir;
}

/** One run: wall time, CPU time and peak RSS of the whole process (all its threads), and its stdout. */
function timed(args, work) {
  const tag = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const usage = join(work, `usage-${tag}.json`);
  const preload = join(work, 'usage.cjs');
  // Standard output goes to a file, as in `xxgk-check … > out.json`: read through a pipe, 45 MB would cost
  // this process CPU on the same cores while it is timed, more so when the command line uses every core.
  const outPath = join(work, `stdout-${tag}`);
  const out = openSync(outPath, 'w');
  const t0 = performance.now();
  let r;
  try {
    r = spawnSync(process.execPath, ['-r', preload, ...args], {
      env: { ...process.env, XXGK_USAGE_OUT: usage }, stdio: ['ignore', out, 'pipe'],
    });
  } finally {
    closeSync(out);
  }
  const wallMs = performance.now() - t0;
  const u = JSON.parse(readFileSync(usage, 'utf8'));
  const stdout = readFileSync(outPath);
  rmSync(usage, { force: true });
  rmSync(outPath, { force: true });
  return { wallMs, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024, status: r.status, stdout };
}

export function cliBench({ files = 3000, rounds = 3, startRounds = 10, log = () => {} } = {}) {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : 1;
  const work = mkdtempSync(join(tmpdir(), 'xxgk-cli-bench-'));
  writeFileSync(join(work, 'usage.cjs'), `process.on('exit', () => require('fs').writeFileSync(process.env.XXGK_USAGE_OUT, JSON.stringify(process.resourceUsage())));\n`);
  try {
    log(`    ${files} reports: --jobs ${cores} against --jobs 1, ${rounds} rounds each …`);
    const dir = reportFolder(work, files);
    const one = [];
    const all = [];
    let identical = true;
    for (let i = 0; i < rounds; i++) {
      // Alternate the order: the machine's other load falls on both alike.
      const pair = i % 2 === 0 ? [[1, one], [cores, all]] : [[cores, all], [1, one]];
      const outs = {};
      for (const [jobs, into] of pair) {
        const r = timed([CLI, '--format', 'json', '--jobs', String(jobs), dir], work);
        outs[jobs] = r.stdout;
        into.push(r);
      }
      if (!outs[1].equals(outs[cores])) identical = false;
    }
    const summary = (xs) => ({
      wallMs: median(xs.map((x) => x.wallMs)), cpuMs: median(xs.map((x) => x.cpuMs)), maxRssMb: Math.max(...xs.map((x) => x.maxRssMb)),
      status: xs[0].status, outMb: xs[0].stdout.length / 1024 / 1024,
    });
    const folder = { files, cores, rounds, one: summary(one), all: summary(all), identical };
    folder.speedup = folder.one.wallMs / folder.all.wallMs;

    log(`    start-up: one small file against node -e 0, ${startRounds} rounds each …`);
    const small = sampleFiles()[1];
    const node = [];
    const cli = [];
    for (let i = 0; i < startRounds; i++) {
      node.push(timed(['-e', '0'], work).wallMs);
      cli.push(timed([CLI, small], work).wallMs);
    }
    const startup = { file: basename(small), nodeMs: median(node), cliMs: median(cli) };
    startup.ratio = startup.cliMs / startup.nodeMs;
    return { folder, startup };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const arg = (name, d) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : d; };
  const r = cliBench({ files: arg('--files', 3000), rounds: arg('--rounds', 3), log: console.error });
  console.log(JSON.stringify(r, null, 2));
}
