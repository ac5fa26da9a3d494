// node bench/pathological.mjs — times check() on pathological inputs: a 5 MB single line,
// 100,000 TABs, 50,000 headings, a table of 10,000 rows, a binary file read as text, an empty file, a
// whitespace-only file (the large ones also under the 1 MiB size cap, so that they are parsed). Prints
// the time and the number of findings of each; asserts nothing.
//
// `runPathological(engine, log)` is exported for the bench (bench/run.mjs may call it with its own
// engine bundle); run alone, this script bundles server/src/engine with esbuild first.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

/** A deterministic PRNG (mulberry32), so that every run times the same bytes. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small valid 2021-format report, TAB rows, all zeros (the skeleton tables of the engine). */
function smallReport(engine) {
  const t = engine.TEMPLATES['2021'];
  const s = t.sections;
  return [
    '2023年政府信息公开工作年度报告', s[0].heading, '2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。',
    s[1].heading, engine.tableSkeleton(t, 'active', '\n'), s[2].heading, engine.tableSkeleton(t, 'applications', '\n'),
    s[3].heading, engine.tableSkeleton(t, 'review', '\n'), s[4].heading, '公开内容的深度和广度还有待加强。',
    s[5].heading, '2023年度本机关未收取信息处理费。', '',
  ].join('\n');
}

export function pathologicalInputs(engine) {
  const report = smallReport(engine);
  const t = engine.TEMPLATES['2021'];
  const inputs = [];
  // 1. 5 MB on one line: a report with its line breaks turned into spaces, repeated.
  const flat = report.replace(/\n/g, ' ');
  inputs.push(['5 MB single line', flat.repeat(Math.ceil((5 * MB) / flat.length)).slice(0, 5 * MB)]);
  // …and one under the size cap (1 MiB of UTF-8, engine/limits.ts), which is parsed.
  inputs.push(['300,000-char single line (under the cap)', flat.repeat(Math.ceil(300_000 / flat.length)).slice(0, 300_000)]);
  // 2. 100,000 TABs (one line), and as many TAB-only lines.
  inputs.push(['100,000 TABs', '\t'.repeat(100_000)]);
  inputs.push(['100,000 TAB-only lines', '\t\n'.repeat(100_000)]);
  // 3. 50,000 headings: the six section headings over and over.
  inputs.push(['50,000 headings', Array.from({ length: 50_000 }, (_, i) => t.sections[i % 6].heading).join('\n')]);
  // 4. A table of 10,000 rows: Table 2's rows cycled under one header, inside a whole report.
  const rows = t.applications.rows;
  const body = Array.from({ length: 10_000 }, (_, i) => `${rows[i % rows.length].label}\t0\t0\t0\t0\t0\t0\t0`).join('\n');
  const s = t.sections;
  inputs.push(['table of 10,000 rows', [
    '2023年政府信息公开工作年度报告', s[0].heading, '概述。', s[1].heading, engine.tableSkeleton(t, 'active', '\n'),
    s[2].heading, `${t.applications.cornerNote}\t申请人情况`, body, s[3].heading, engine.tableSkeleton(t, 'review', '\n'),
    s[4].heading, '无。', s[5].heading, '无。', '',
  ].join('\n')]);
  // 5. A binary file read as text: 2 MB of random bytes decoded as UTF-8 (U+FFFD, NULs, controls).
  const rand = prng(9);
  const bytes = Buffer.alloc(2 * MB);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
  inputs.push(['binary (2 MB random bytes as UTF-8)', bytes.toString('utf8')]);
  inputs.push(['binary (256 KB random bytes as UTF-8)', bytes.subarray(0, 256 * 1024).toString('utf8')]);
  // …and one without NUL or many controls, which passes the binary sniffing: high bytes as Latin-1.
  for (let i = 0; i < bytes.length; i++) bytes[i] = 0x80 + Math.floor(rand() * 128);
  inputs.push(['binary-like (2 MB of high Latin-1)', bytes.toString('latin1')]);
  inputs.push(['binary-like (512 KB of high Latin-1)', bytes.subarray(0, 512 * 1024).toString('latin1')]);
  // 6. Empty, and 7. white space only (1 MB of spaces, TABs, ideographic spaces and line breaks).
  inputs.push(['empty file', '']);
  const ws = [' ', '\t', '\u3000', '\n', '\r\n', '\r'];
  inputs.push(['whitespace only (1 MB)', Array.from({ length: MB }, () => ws[Math.floor(rand() * ws.length)]).join('').slice(0, MB)]);
  return inputs;
}

/** Time check() on every input; returns [{ name, chars, ms, findings, codes }]. */
export function runPathological(engine, log = console.log) {
  const results = [];
  for (const [name, text] of pathologicalInputs(engine)) {
    const t0 = performance.now();
    const { findings } = engine.check(text);
    const ms = performance.now() - t0;
    const codes = {};
    for (const f of findings) codes[f.code] = (codes[f.code] ?? 0) + 1;
    const top = Object.entries(codes).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([c, n]) => `${c}×${n}`).join(' ');
    results.push({ name, chars: text.length, ms, findings: findings.length, codes });
    log(`${name.padEnd(42)} ${String(text.length).padStart(9)} chars ${ms.toFixed(1).padStart(9)} ms ${String(findings.length).padStart(6)} findings  ${top}`);
  }
  return results;
}

async function main() {
  const cache = join(ROOT, 'node_modules', '.cache', 'xxgk-pathological');
  mkdirSync(cache, { recursive: true });
  const outfile = join(cache, 'engine.cjs');
  await build({
    entryPoints: [join(ROOT, 'server/src/engine/index.ts')], outfile,
    bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning',
  });
  const engine = createRequire(import.meta.url)(outfile);
  engine.check(smallReport(engine)); // warm up
  console.log(`check() on pathological inputs (node ${process.version})`);
  runPathological(engine);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
