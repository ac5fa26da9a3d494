#!/usr/bin/env node
// The cost of the layout readers' competition (issue: at most 20 % on the samples). For each sample and real
// report, every table is read twice, interleaved: by the table parser (every reader that applies, the best
// kept; a clean first reading stops it early) and by the first reader alone with its assessment. Prints the
// extra time of the competition as a share of the whole check and the layout chosen per table.
//
//   node --expose-gc bench/layouts.mjs [--rounds N]
import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CACHE, ROOT, buildEngine, loadEngine } from './lib/engine.mjs';
import { median } from './lib/stats.mjs';

const argv = process.argv.slice(2);
const rounds = Number(argv[argv.indexOf('--rounds') + 1]) || 200;
const bundle = join(CACHE, 'layouts.cjs');
await build({ entryPoints: [join(ROOT, 'bench/lib/layouts-entry.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
await buildEngine();
const L = createRequire(import.meta.url)(bundle);
const engine = loadEngine();

const files = [
  ...readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'samples', f)),
  ...readdirSync(join(ROOT, 'test/fixtures/real')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'test/fixtures/real', f)),
];

const now = () => performance.now();
const rows = [];
for (const path of files) {
  const text = readFileSync(path, 'utf8');
  const report = L.parseReport(text);
  const lines = L.splitLines(L.foldText(text));
  // The regions the parser used: from each table's first line to the line before the next section.
  const regions = Object.values(report.tables).map((t) => {
    const next = report.headings.find((h) => h.line > t.lastLine);
    return { id: t.id, region: { from: t.firstLine, to: next ? next.line - 1 : lines.length - 1 } };
  });
  const competition = () => { for (const r of regions) L.readTable(r.id, report.template, lines, r.region); };
  const first = () => {
    for (const r of regions) {
      const reader = L.LAYOUT_READERS.find((x) => x.tables.includes(r.id));
      const reading = reader.read(report.template, lines, r.region, r.id);
      if (reading) L.assessReading(report.template, reading);
    }
  };
  const whole = () => engine.check(text);
  for (let i = 0; i < 20; i++) { competition(); first(); whole(); }
  const tc = [];
  const tf = [];
  const tw = [];
  for (let i = 0; i < rounds; i++) {
    for (const [f, out] of i % 2 ? [[competition, tc], [first, tf], [whole, tw]] : [[first, tf], [competition, tc], [whole, tw]]) {
      global.gc?.({ type: 'minor' });
      const t0 = now();
      f();
      out.push(now() - t0);
    }
  }
  const extra = Math.max(0, median(tc) - median(tf));
  const layouts = Object.values(report.tables).map((t) => `${t.id}:${t.reading?.layout}${t.reading?.readable === false ? '(unreadable)' : ''}`).join(' ');
  rows.push({ file: path.split('/').pop(), whole: median(tw), extra, share: extra / median(tw), layouts });
}
const pad = (s, n) => String(s).padEnd(n);
console.log(pad('file', 46), pad('check (ms)', 11), pad('competition extra (ms)', 23), pad('share', 8), 'layouts');
for (const r of rows) console.log(pad(r.file, 46), pad(r.whole.toFixed(3), 11), pad(r.extra.toFixed(3), 23), pad(`${(r.share * 100).toFixed(1)} %`, 8), r.layouts);
// The samples are the files named NNN_…; the real reports NN_….
const worstSample = Math.max(...rows.filter((r) => /^\d{3}_/.test(r.file)).map((r) => r.share));
console.log(`\n${worstSample <= 0.2 ? '✓' : '✗'}  layout competition, worst sample: ${(worstSample * 100).toFixed(1)} % of a check (goal ≤ 20 %)`);
