// The workspace check at scale: a folder of N reports (default 1,000, copies of the five samples with their
// bodies renamed, one in ten with a broken cell), checked through the real language server (dist/server.js)
// while a client types into an open report: the time for the whole folder, and the latency of a keystroke's
// diagnostics (didChange → pull answered) and of a hover, idle and while the check runs.
//   node bench/workspace-check.mjs [N]      (npm run build first)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { median, p95, ms } from './lib/stats.mjs';

const ROOT = join(import.meta.dirname, '..');
const N = Number(process.argv[2] ?? 1000);
const SAMPLES = ['000_4be19b291208bb33.txt', '001_4bbec81685d80308.txt', '002_931eb61caecda62d.txt', '003_8cda5f95bd011878.txt', '004_fcebe1c6f102ee17.txt']
  .map((n) => readFileSync(join(ROOT, 'samples', n), 'utf8'));

const dir = mkdtempSync(join(tmpdir(), 'xxgk-ws-bench-'));
let bytes = 0;
for (let i = 0; i < N; i++) {
  const sub = join(dir, `区县${String(Math.floor(i / 50)).padStart(2, '0')}`);
  mkdirSync(sub, { recursive: true });
  let text = SAMPLES[i % SAMPLES.length].replace(/卫生健康/, `卫生健康${i}号`);
  if (i % 10 === 0) text = text.replace(/\t0\t/, '\t7\t');
  bytes += Buffer.byteLength(text);
  writeFileSync(join(sub, `单位${i}政府信息公开工作年度报告.txt`), text);
}

const proc = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
conn.onRequest((method, params) => (method === 'workspace/configuration' ? (params?.items ?? []).map(() => null) : null));
let published = 0;
conn.onNotification((method) => {
  if (method === 'textDocument/publishDiagnostics') published++;
});
conn.listen();
await conn.sendRequest('initialize', {
  processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], locale: 'zh-CN',
  capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { diagnostic: {}, publishDiagnostics: {} } },
});
await conn.sendNotification('initialized', {});

// The report being typed in: sample 004, open, one character appended to its first line per keystroke.
const uri = pathToFileURL(join(dir, '正在编辑年度报告.txt')).href;
const typed = SAMPLES[4];
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xxgk-report', version: 1, text: typed } });
let version = 1;
const firstLine = typed.split('\n')[0];
async function keystroke() {
  version++;
  const t0 = performance.now();
  await conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: 0, character: firstLine.length }, end: { line: 0, character: firstLine.length } }, text: '字' }],
  });
  await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const t1 = performance.now();
  await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 51, character: 9 } });
  return { diagnostics: t1 - t0, hover: performance.now() - t1 };
}

const sleep = (t) => new Promise((r) => setTimeout(r, t));
const idle = [];
for (let i = 0; i < 40; i++) { idle.push(await keystroke()); await sleep(30); }

const started = performance.now();
let running = true;
const during = [];
const check = conn.sendRequest('xxgk/checkWorkspace', { workDoneToken: 'bench' }).then((r) => { running = false; return r; });
while (running) { during.push(await keystroke()); await sleep(30); }
const result = await check;
const total = performance.now() - started;

const row = (name, xs) => `${name.padEnd(34)} median ${ms(median(xs)).padStart(9)}   p95 ${ms(p95(xs)).padStart(9)}   max ${ms(Math.max(...xs)).padStart(9)}   (${xs.length} keystrokes)`;
console.log(`workspace check: ${N} reports (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${(total / 1000).toFixed(2)} s `
  + `(server's own count ${result.milliseconds} ms; ${(N / (total / 1000)).toFixed(0)} reports/s), ${result.reports.length} listed, `
  + `${result.reports.filter((r) => r.errors > 0).length} with errors, ${published} diagnostics published; `
  + `${cpus().length} cores, node ${process.version}`);
console.log(row('keystroke → diagnostics, idle', idle.map((x) => x.diagnostics)));
console.log(row('keystroke → diagnostics, during', during.map((x) => x.diagnostics)));
console.log(row('hover, idle', idle.map((x) => x.hover)));
console.log(row('hover, during', during.map((x) => x.hover)));

await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
rmSync(dir, { recursive: true, force: true });
