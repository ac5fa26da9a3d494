// node --expose-gc bench/convert.mjs [--rounds N] [--bounds]
//
// Published files: a PDF of about ten pages converted and checked, against checking its converted text
// alone (the ratio is what converting costs on top of checking), plus every PDF, DOCX and HTML fixture of
// test/fixtures/convert/. Two ways of converting are timed: in this process (the converters alone), and as
// the CLI and the server do it, in the capped converter process (node start and pdf.js load included).
// The ten-page PDF is printed by Chromium from the Shanghai page with a larger type; without Chromium the
// largest fixture PDF is used instead. Not part of `npm run bench`; prints a table, writes nothing.
//
// Then the bounds of issue 23 (alone with --bounds): HTML and DOCX conversion of 2,000 and 20,000 paragraphs
// (linear: 10× the input within 15× the time), and the peak resident size of the converter process on a 4 MB
// PDF whose one content stream inflates to 4 GiB (stopped at its 768 MB cap; must stay under 1.2 GB).
import { build } from 'esbuild';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE, ROOT, buildEngine, loadEngine } from './lib/engine.mjs';

const argv = process.argv.slice(2);
const ROUNDS = Number(argv[argv.indexOf('--rounds') + 1]) || 5;
const BOUNDS_ONLY = argv.includes('--bounds');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'convert');
const log = (...a) => console.error(...a);

log('building (engine, converters, dist/convert.mjs) …');
await buildEngine();
const CONVERT_BUNDLE = join(CACHE, 'convert.mjs');
mkdirSync(CACHE, { recursive: true });
await build({
  entryPoints: [join(ROOT, 'server/src/convert/index.ts')], outfile: CONVERT_BUNDLE,
  bundle: true, platform: 'node', target: 'node18', format: 'esm', logLevel: 'warning',
  external: ['canvas', '@napi-rs/canvas', 'path2d'],
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
});
spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
const { check } = loadEngine();
const { convert } = await import(pathToFileURL(CONVERT_BUNDLE).href);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  global.gc?.();
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

/** A PDF of about ten pages: the Shanghai page printed with a larger type. */
function tenPagePdf(dir) {
  const chromium = ['chromium', '/usr/bin/chromium'].find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!chromium) return null;
  const html = readFileSync(join(FIXTURES, '04_shanghai-gov-general-office-2019.html'));
  const page = join(dir, 'page.html');
  // The page is GBK: re-declare nothing, only add a style after <head>.
  writeFileSync(page, Buffer.concat([html.subarray(0, html.indexOf('<head>') + 6), Buffer.from('<style>body{font-size:15pt!important}p{line-height:2.2!important}td{font-size:12.5pt!important}</style>'), html.subarray(html.indexOf('<head>') + 6)]));
  const pdf = join(dir, '10-pages.pdf');
  execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, page], { stdio: 'ignore', timeout: 120_000 });
  return pdf;
}

async function measure(path) {
  const bytes = new Uint8Array(readFileSync(path));
  const inProcess = [];
  const viaProcess = [];
  const checkOnly = [];
  let result;
  for (let i = 0; i < ROUNDS; i++) {
    inProcess.push(await time(async () => {
      result = await convert(path, bytes);
      if (result.kind === 'converted') check(result.text, {});
    }));
    viaProcess.push(await time(() => {
      const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'convert.mjs'), path], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const parsed = JSON.parse(r.stdout);
      if (parsed.kind === 'converted') check(parsed.text, {});
    }));
    if (result.kind === 'converted') {
      const text = result.text;
      checkOnly.push(await time(() => check(text, {})));
    }
  }
  return {
    file: path.split('/').pop(), pages: result.pages ?? '', kb: Math.round(bytes.length / 1024),
    inProcess: median(inProcess), viaProcess: median(viaProcess), checkOnly: checkOnly.length ? median(checkOnly) : NaN,
  };
}

/** Paragraphs of a report's prose, as a web page and as a Word file. */
const PARAGRAPH = '本机关依法主动公开政府信息，办理依申请公开，无行政复议及行政诉讼案件。';
const htmlOf = (n) => new Uint8Array(Buffer.from(`<html><body>${Array.from({ length: n }, (_, i) => `<p>第${i}段：${PARAGRAPH}</p>`).join('')}</body></html>`));
async function docxOf(n) {
  const { zipSync, strToU8 } = await import('fflate');
  const body = Array.from({ length: n }, (_, i) => `<w:p><w:r><w:t>第${i}段：${PARAGRAPH}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}

/** Peak resident size of the converter on the inflating-stream PDF (Linux /proc VmHWM, polled). */
async function inflatingPeak(dir) {
  const helper = join(CACHE, 'make-pdf.mjs');
  await build({ entryPoints: [join(ROOT, 'test/convert/make-pdf.ts')], outfile: helper, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  const { inflatingStream, onePagePdf } = await import(pathToFileURL(helper).href);
  const file = join(dir, 'inflating.pdf');
  writeFileSync(file, onePagePdf(inflatingStream(4096), 'FlateDecode'));
  const started = performance.now();
  const child = spawn(process.execPath, ['--max-old-space-size=768', join(ROOT, 'dist', 'convert.mjs'), file], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024);
    } catch {
      // Ended between two looks.
    }
  }, 10);
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  return { peak, seconds: (performance.now() - started) / 1000, answer: out, bytes: statSync(file).size };
}

async function bounds(dir) {
  console.log('\nlinear converters (issue 23): 10× the paragraphs within 15× the time (median of 3)\n');
  console.log('| format | 2,000 paragraphs (ms) | 20,000 paragraphs (ms) | ratio |');
  console.log('|---|---|---|---|');
  for (const [format, make, name] of [['html', htmlOf, 'x.html'], ['docx', docxOf, 'x.docx']]) {
    const ms = [];
    for (const n of [2000, 20000]) {
      const bytes = await make(n);
      await convert(name, bytes);
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await time(() => convert(name, bytes)));
      ms.push(median(runs));
    }
    console.log(`| ${format} | ${ms[0].toFixed(0)} | ${ms[1].toFixed(0)} | ${(ms[1] / ms[0]).toFixed(1)}× |`);
  }
  const r = await inflatingPeak(dir);
  console.log(`\ninflating-stream PDF (${(r.bytes / 1e6).toFixed(1)} MB, one stream of 4 GiB): converter peak RSS ${(r.peak / 1024 / 1024).toFixed(0)} MB `
    + `(goal < 1229 MB), stopped after ${r.seconds.toFixed(1)} s, answer ${r.answer}`);
}

const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-convert-'));
if (BOUNDS_ONLY) {
  try {
    await bounds(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}
try {
  const files = [];
  const ten = tenPagePdf(dir);
  if (ten) files.push(ten);
  else log('no chromium: the ten-page PDF is replaced by the largest fixture PDF');
  files.push(...readdirSync(FIXTURES).filter((f) => /\.(pdf|docx|html)$/.test(f)).sort().map((f) => join(FIXTURES, f)));
  const rows = [];
  for (const f of files) {
    const r = await measure(f);
    rows.push(r);
    log(`${r.file}: ${r.inProcess.toFixed(0)} ms in process, ${r.viaProcess.toFixed(0)} ms via the converter process, check alone ${r.checkOnly.toFixed(1)} ms`);
  }
  const fmt = (n) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '—');
  console.log(`\nconvert + check vs check of the converted text alone (median of ${ROUNDS}; ${process.version})\n`);
  console.log('| file | pages | KB | convert+check in process (ms) | via converter process (ms) | check alone (ms) | ratio in process | ratio via process |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.file} | ${r.pages} | ${r.kb} | ${fmt(r.inProcess)} | ${fmt(r.viaProcess)} | ${fmt(r.checkOnly)} | ${fmt(r.inProcess / r.checkOnly)}× | ${fmt(r.viaProcess / r.checkOnly)}× |`);
  }
  await bounds(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
