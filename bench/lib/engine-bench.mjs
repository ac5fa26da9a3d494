// Parts 1–3 of the benchmark: engine vs an in-run baseline, vs markdownlint, and scaling.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint as markdownlint } from 'markdownlint/sync';
import { CACHE } from './engine.mjs';
import { median, p95 } from './stats.mjs';
import { benchFiles, sampleFiles, SHAPES, SIZES } from './synth.mjs';

const now = () => performance.now();

/**
 * The baseline: what any line-oriented checker must at least do. Read the file, NFKC-normalise it,
 * split it into lines and run one regular expression (every number) over each line.
 */
const NUMBER = /\d+(?:\.\d+)?/g;
export function baseline(path) {
  const text = readFileSync(path, 'utf8').normalize('NFKC');
  const lines = text.split(/\r\n|\r|\n/);
  let n = 0;
  for (const line of lines) {
    NUMBER.lastIndex = 0;
    while (NUMBER.exec(line)) n++;
  }
  return n;
}

/** The full engine on a file, as the CLI runs it: read, then check() with default options. */
export function fullCheck(engine, path) {
  return engine.check(readFileSync(path, 'utf8')).findings.length;
}

/**
 * Collect garbage before a timed call (untimed), so that neither side pays for the other's garbage:
 * a minor GC for small inputs, a full one for big ones. A no-op without `--expose-gc`.
 */
const settle = (full) => () => global.gc?.(full ? undefined : { type: 'minor' });

/** Time `a` and `b` in alternating order, `rounds` times each, after `warm` untimed rounds. */
function interleaved(a, b, rounds, warm, before = settle(false)) {
  for (let i = 0; i < warm; i++) { a(); b(); }
  const ta = [];
  const tb = [];
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? [[a, ta], [b, tb]] : [[b, tb], [a, ta]];
    for (const [f, out] of order) {
      before();
      const t0 = now();
      f();
      out.push(now() - t0);
    }
  }
  return [ta, tb];
}

/** Part 1: per sample and real report, full check() against the baseline, interleaved in the same run. */
export function engineVsBaseline(engine, { rounds = 300, warm = 30 } = {}) {
  return benchFiles().map(({ path, set }) => {
    const [base, full] = interleaved(() => baseline(path), () => fullCheck(engine, path), rounds, warm);
    const r = {
      sample: basename(path), set, bytes: readFileSync(path).length,
      baseline: { median: median(base), p95: p95(base) },
      check: { median: median(full), p95: p95(full) },
    };
    r.ratio = { median: r.check.median / r.baseline.median, p95: r.check.p95 / r.baseline.p95 };
    return r;
  });
}

/**
 * Part 1b: where a check's time goes, all files together, each stage interleaved with the baseline: reading
 * every line once into fields (read, fold, split lines, split each line at its separators: what any reader of
 * the tables must do at least), parseReport (the whole report model: headings, sections, the three tables and
 * their readings) and check (parse and every rule). Each stage reads the file, as the baseline does.
 */
export function checkBudget(stages, { rounds = 200, warm = 30 } = {}) {
  const files = benchFiles().map((f) => f.path);
  const each = (f) => () => { for (const p of files) f(p); };
  const lineFields = (p) => {
    let n = 0;
    for (const line of stages.splitLines(stages.foldText(readFileSync(p, 'utf8')))) n += stages.splitFields(line).fields.length;
    return n;
  };
  const stage = (f) => {
    const [base, mine] = interleaved(each(baseline), each(f), rounds, warm);
    return { ms: median(mine) / files.length, baselineMs: median(base) / files.length, ratio: median(mine) / median(base) };
  };
  return {
    files: files.length,
    lineFields: stage(lineFields),
    parse: stage((p) => stages.parseReport(readFileSync(p, 'utf8')).lines.length),
    check: stage((p) => stages.check(readFileSync(p, 'utf8')).findings.length),
  };
}

/** Part 2: markdownlint (library API, default rules) on the same text, interleaved with check(). */
export function engineVsMarkdownlint(engine, { rounds = 100, warm = 10 } = {}) {
  return benchFiles().map(({ path, set }) => {
    const text = readFileSync(path, 'utf8');
    const name = basename(path);
    let mdCount = 0;
    const [ours, peer] = interleaved(
      () => engine.check(text),
      () => { mdCount = markdownlint({ strings: { [name]: text } })[name].length; },
      rounds, warm,
    );
    return {
      sample: name, set, bytes: Buffer.byteLength(text),
      check: { median: median(ours), p95: p95(ours) },
      markdownlint: { median: median(peer), p95: p95(peer), findings: mdCount },
      speedup: median(peer) / median(ours),
    };
  });
}

/** Runs per size: enough for a median without blowing the five-minute budget. */
function runsFor(bytes) {
  return bytes <= 16 * 1024 ? 40 : bytes <= 200 * 1024 ? 15 : bytes <= 2 * 1024 * 1024 ? 5 : 3;
}

/**
 * One scaling point, in a fresh process (`--expose-gc`) so that memory figures are its own: time of
 * check() and of the baseline, heap retained by the result, and the peak RSS growth during check().
 */
export function scalingPoint(engine, shape, bytes) {
  const text = SHAPES[shape].make(engine, bytes);
  mkdirSync(join(CACHE, 'inputs'), { recursive: true });
  const path = join(CACHE, 'inputs', `${shape}-${bytes}.txt`);
  writeFileSync(path, text);
  const runs = runsFor(bytes);
  global.gc?.();
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = now();
  let result = engine.check(text); // first run: cold, and the one whose memory we keep
  const first = now() - t0;
  const peakRss = process.resourceUsage().maxRSS * 1024 - rssBefore;
  global.gc?.();
  const retained = process.memoryUsage().heapUsed - heapBefore;
  const summary = { findings: result.findings.length, codes: [...new Set(result.findings.map((f) => f.code))] };
  result = null;
  // Two untimed rounds first: the figures are of the engine warmed up, as in an editor or a long CLI run
  // (the first run is reported apart).
  const [base, full] = interleaved(() => baseline(path), () => engine.check(text), runs, 2, settle(bytes > 200 * 1024));
  return {
    shape, target: bytes, bytes: Buffer.byteLength(text), chars: text.length, lines: text.split('\n').length, runs,
    first,
    check: { median: median(full), p95: p95(full), min: Math.min(...full) },
    baseline: { median: median(base), min: Math.min(...base) },
    memory: { retainedHeap: retained, peakRssGrowth: peakRss }, ...summary,
  };
}

/** Part 3: every shape × size, each point in a child process. */
export function scaling({ shapes = Object.keys(SHAPES), sizes = SIZES, log = () => {} } = {}) {
  const out = [];
  for (const shape of shapes) {
    for (const bytes of sizes) {
      log(`  scaling ${shape} ${bytes} B`);
      const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), 'point', shape, String(bytes)], {
        encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
      });
      if (r.status !== 0) {
        out.push({ shape, target: bytes, error: (r.stderr || `exit ${r.status}`).trim().split('\n').slice(-3).join(' ') });
        continue;
      }
      out.push(JSON.parse(r.stdout.trim().split('\n').pop()));
    }
  }
  return out;
}

// Child entry: node --expose-gc engine-bench.mjs point <shape> <bytes>
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'point') {
  const { loadEngine } = await import('./engine.mjs');
  const engine = loadEngine();
  // Warm the code paths on the samples first, so the first big run is not also the first run.
  for (let i = 0; i < 5; i++) for (const f of sampleFiles()) fullCheck(engine, f);
  process.stdout.write(`${JSON.stringify(scalingPoint(engine, process.argv[3], Number(process.argv[4])))}\n`);
}

/**
 * What findings cost: sample 003 with every table number scrambled and 80 prose sentences stating a wrong count
 * (about 120 findings: text-table-mismatch, row-total, item-total, balance, review-total) against the same report
 * with 80 neutral sentences instead (no finding), interleaved. A check that finds 120 things must not cost 5×
 * one that finds none.
 */
export function findingsCost(engine, { rounds = 200, warm = 30 } = {}) {
  const file = sampleFiles().find((f) => f.includes('003_')) ?? sampleFiles()[0];
  const clean = readFileSync(file, 'utf8');
  const withLines = (text, make) => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /^三、/.test(l));
    lines.splice(at + 1, 0, ...Array.from({ length: 80 }, (_, i) => make(i)));
    return lines.join('\n');
  };
  let k = 0;
  const scrambled = clean.replace(/(?<=[\t\n|])(\s*)\d+(?=\s*[\t\n|])/g, (_, sp) => sp + String((k++ * 7919) % 13));
  const many = withLines(scrambled, (i) => `本年度共收到政府信息公开申请${100 + i}件。`);
  const none = withLines(clean, () => '本机关依法办理政府信息公开申请，做到及时答复。');
  const [a, b] = interleaved(() => engine.check(many), () => engine.check(none), rounds, warm);
  return {
    sample: basename(file), findings: engine.check(many).findings.length, cleanFindings: engine.check(none).findings.length,
    many: { median: median(a) }, none: { median: median(b) }, ratio: median(a) / median(b),
  };
}
