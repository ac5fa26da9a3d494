// Part 7 of the benchmark: the workspace check at scale. A folder of N reports (default 1,000, copies of the five
// samples with their bodies renamed, one in ten with a broken cell) checked through the real language server
// (dist/server.js) while a client types into an open report: the time until every report's diagnostics are
// published, and the latency of a keystroke's diagnostics (didChange → pull answered) and of a hover, idle and
// while the check runs. Used by bench/run.mjs and bench/workspace-check.mjs.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { ROOT } from './engine.mjs';
import { median, p95 } from './stats.mjs';

const SAMPLE_NAMES = ['000_4be19b291208bb33.txt', '001_4bbec81685d80308.txt', '002_931eb61caecda62d.txt', '003_8cda5f95bd011878.txt', '004_fcebe1c6f102ee17.txt'];

export async function workspaceBench({ reports: N = 1000, log = () => {} } = {}) {
  const SAMPLES = SAMPLE_NAMES.map((n) => readFileSync(join(ROOT, 'samples', n), 'utf8'));
  log(`    ${N} reports in a workspace, typing meanwhile …`);
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
  for (let i = 0; i < 100; i++) { idle.push(await keystroke()); await sleep(30); }

  const started = performance.now();
  let running = true;
  const during = [];
  const check = conn.sendRequest('xxgk/checkWorkspace', { workDoneToken: 'bench' }).then((r) => { running = false; return r; });
  while (running) { during.push(await keystroke()); await sleep(30); }
  const result = await check;
  const total = performance.now() - started;

  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  rmSync(dir, { recursive: true, force: true });
  const figures = (xs) => ({ median: median(xs), p95: p95(xs), max: Math.max(...xs), n: xs.length });
  return {
    reports: N, bytes, seconds: total / 1000, serverMs: result.milliseconds, listed: result.reports.length,
    withErrors: result.reports.filter((r) => r.errors > 0).length, published,
    keystroke: { idle: figures(idle.map((x) => x.diagnostics)), during: figures(during.map((x) => x.diagnostics)) },
    hover: { idle: figures(idle.map((x) => x.hover)), during: figures(during.map((x) => x.hover)) },
  };
}
