#!/usr/bin/env node
// Bench: the browser page's time per file against the CLI's, on the same files (the samples and the converter
// fixtures: text, PDF, DOCX, HTML). The page: from choosing the files to the last result, in Chromium from
// file://; the CLI: one `xxgk-check --format json --jobs 1` run over the same files. Target: page ≤ 2× the CLI.
//
//   npm run -s build && npm run -s build:web && node bench/web-page.mjs
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.XXGK_E2E_CHROMIUM || '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-web-'));
const files = [];
for (const [from, filter] of [[join(ROOT, 'samples'), /\.txt$/], [join(ROOT, 'test/fixtures/convert'), /\.(pdf|docx|html)$/]]) {
  for (const f of readdirSync(from).filter((n) => filter.test(n)).sort()) {
    copyFileSync(join(from, f), join(dir, f));
    files.push(f);
  }
}
const byKind = (name) => (/\.(pdf|docx|html)$/.exec(name)?.[1] ?? 'txt');

const t = performance.now();
const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), '--format', 'json', '--jobs', '1', ...files], {
  cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28,
});
const cliMs = performance.now() - t;
if (![0, 1].includes(r.status)) throw new Error(r.stderr);

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage();
await page.goto(pathToFileURL(join(ROOT, 'dist/web/xxgk-check.html')).href);
await page.locator('#privacy').waitFor();
const start = performance.now();
await page.setInputFiles('#files', files.map((f) => join(dir, f)));
await page.waitForFunction((n) => window.xxgk.results().length === n && window.xxgk.pending() === 0, files.length, {
  timeout: 600_000, polling: 50,
});
const pageMs = performance.now() - start;
const perKind = await page.evaluate(() => window.xxgk.results().map((x) => [x.name, x.ms]));
await browser.close();
rmSync(dir, { recursive: true, force: true });

const kinds = {};
for (const [name, ms] of perKind) (kinds[byKind(name)] ??= []).push(ms);
const perFile = (ms) => (ms / files.length).toFixed(0);
console.log(`browser page vs CLI, ${files.length} files (${Object.entries(kinds).map(([k, v]) => `${v.length} ${k}`).join(', ')})`);
console.log(`  page ${perFile(pageMs)} ms/file, CLI ${perFile(cliMs)} ms/file: page/CLI = ${(pageMs / cliMs).toFixed(2)}× (target ≤ 2×)`);
console.log(`  in the page's worker, median ms by kind: ${Object.entries(kinds).map(([k, v]) => `${k} ${v.sort((a, b) => a - b)[v.length >> 1].toFixed(0)}`).join(', ')}`);
