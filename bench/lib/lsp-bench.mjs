// Parts 4–5 of the benchmark: the real language server (dist/server.js) over stdio.
import { spawn } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, CancellationTokenSource } from 'vscode-jsonrpc/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from './engine.mjs';
import { median, p95 } from './stats.mjs';

export const SERVER = join(ROOT, 'dist', 'server.js');
const LANGUAGE_ID = 'xxgk-report';
const now = () => performance.now();

/** VmRSS and VmHWM (bytes) of a process, from /proc/<pid>/status (Linux only; null elsewhere). */
export function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** A running server and a client connection to it. */
export class Server {
  /** `execArgv`: extra Node options for the server process (e.g. `--cpu-prof`). */
  static async start({ execArgv = [], script = SERVER } = {}) {
    if (!existsSync(script)) throw new Error(`${script} not found (npm run build)`);
    const s = new Server();
    s.proc = spawn(process.execPath, [...execArgv, script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    s.stderr = '';
    s.proc.stderr.on('data', (d) => { s.stderr = (s.stderr + d).slice(-4000); });
    // A server that dies rejects every wait instead of leaving it pending for ever.
    s.exited = new Promise((_, reject) => s.proc.once('exit', (code, signal) => {
      reject(new Error(`the server exited (${code ?? signal}): ${s.stderr.trim().split('\n').slice(-3).join(' ')}`));
    }));
    s.exited.catch(() => {});
    s.conn = createMessageConnection(new StreamMessageReader(s.proc.stdout), new StreamMessageWriter(s.proc.stdin));
    // Answer whatever the server asks: no configuration (defaults), accept registrations and refreshes.
    s.conn.onRequest((method, params) => {
      if (method === 'workspace/configuration') return (params?.items ?? []).map(() => null);
      return null;
    });
    s.conn.onNotification(() => {});
    s.conn.listen();
    const init = await s.alive(s.conn.sendRequest('initialize', {
      processId: process.pid, rootUri: null, workspaceFolders: null, locale: 'zh-CN',
      clientInfo: { name: 'xxgk-bench' },
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
        },
        workspace: { configuration: true, diagnostics: { refreshSupport: true } },
        window: { workDoneProgress: false },
      },
    }));
    s.capabilities = init.capabilities ?? {};
    const sync = s.capabilities.textDocumentSync;
    s.syncKind = typeof sync === 'number' ? sync : sync?.change ?? 0;
    s.conn.sendNotification('initialized', {});
    s.docs = new Map();
    return s;
  }

  /** `promise`, or the server's death, whichever comes first. */
  alive(promise) {
    return Promise.race([promise, this.exited]);
  }

  open(uri, text) {
    const doc = TextDocument.create(uri, LANGUAGE_ID, 1, text);
    this.docs.set(uri, doc);
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: LANGUAGE_ID, version: 1, text } });
    return doc;
  }

  close(uri) {
    this.docs.delete(uri);
    this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Apply one edit (offsets into the current text) locally and send it (incremental when the server asks for it). */
  change(uri, start, end, newText) {
    const doc = this.docs.get(uri);
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    const version = doc.version + 1;
    const next = TextDocument.update(doc, [{ range, text: newText }], version);
    this.docs.set(uri, next);
    const contentChanges = this.syncKind === 1 ? [{ text: next.getText() }] : [{ range, text: newText }];
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return next;
  }

  pull(uri, token) {
    const params = { textDocument: { uri } };
    // An undefined third argument would be sent as a positional parameter.
    return this.alive(token ? this.conn.sendRequest('textDocument/diagnostic', params, token) : this.conn.sendRequest('textDocument/diagnostic', params));
  }

  /** The server's own counters (`xxgk/stats`), or null when it offers none. */
  async stats(params = {}) {
    try {
      return await this.alive(this.conn.sendRequest('xxgk/stats', params));
    } catch {
      return null;
    }
  }

  memory() {
    return procMemory(this.proc.pid);
  }

  async stop() {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) { this.conn.dispose(); return; }
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.conn.sendNotification('exit');
    } catch { /* already gone */ }
    await new Promise((r) => { if (this.proc.exitCode !== null) r(); else { this.proc.once('exit', r); setTimeout(() => { this.proc.kill(); r(); }, 2000); } });
    this.conn.dispose();
  }
}

/** Engine runs from a stats answer, whatever the server calls the counter. */
function engineRuns(stats) {
  if (!stats || typeof stats !== 'object') return null;
  for (const k of ['engineRuns', 'checks', 'checkCount', 'runs']) if (typeof stats[k] === 'number') return stats[k];
  return null;
}

/**
 * Offsets for single-character edits: typing at the end of the first long paragraph line, and every
 * fifth edit a digit of a table cell flipped (0 ↔ 1), so that findings change too.
 */
function editPlan(text) {
  const lines = [];
  let at = 0;
  for (const l of text.split('\n')) { lines.push({ start: at, text: l }); at += l.length + 1; }
  const para = lines.find((l) => l.text.length > 60 && !l.text.includes('\t')) ?? lines[0];
  const digitLine = lines.find((l) => /\t0(\t|$)/.test(l.text)) ?? lines.find((l) => /\d/.test(l.text));
  const digitAt = digitLine ? digitLine.start + digitLine.text.search(/\d/) : 0;
  return { typeAt: para.start + para.text.length, digitAt };
}

/**
 * Part 4a: `edits` single-character incremental edits, each timed from didChange sent to the pull's
 * answer received. Returns latencies and a consistency check of the final answer.
 */
export async function editLatency(server, uri, text, edits, engine, budgetMs = Infinity) {
  let doc = server.open(uri, text);
  await server.pull(uri); // the first, cold check
  // The server's own time per pull is counted from here (xxgk/stats `pulls`): the rest of a round trip is the
  // pipes and the scheduling of the two processes.
  await server.stats({ resetPulls: true });
  const plan = editPlan(text);
  let typed = 0;
  const times = [];
  const TYPE = '政务公开工作';
  let last = null;
  const started = now();
  for (let i = 0; i < edits && now() - started < budgetMs; i++) {
    const t0 = now();
    if (i % 5 === 4) {
      const cur = doc.getText()[plan.digitAt];
      doc = server.change(uri, plan.digitAt, plan.digitAt + 1, cur === '0' ? '1' : '0');
    } else {
      const at = plan.typeAt + typed;
      doc = server.change(uri, at, at, TYPE[typed % TYPE.length]);
      typed++;
    }
    last = await server.pull(uri);
    times.push(now() - t0);
  }
  const serverPulls = (await server.stats())?.pulls ?? null;
  const agree = engine ? sameFindings(last, engine.check(doc.getText()).findings) : null;
  return {
    serverPulls,
    uri, bytes: Buffer.byteLength(text), edits: times.length, planned: edits,
    median: median(times), p95: p95(times), max: Math.max(...times),
    lastResultId: last?.resultId ?? null, lastVersion: doc.version, agreesWithEngine: agree,
    diagnostics: last?.items?.length ?? null,
  };
}

/** The server's items against the engine's findings for the same text: same codes at the same ranges. */
function sameFindings(report, findings) {
  const items = report?.items ?? [];
  const key = (code, r) => `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  const a = items.map((d) => key(typeof d.code === 'object' ? d.code.value : d.code, d.range)).sort();
  const b = findings.map((f) => key(f.code, f.range)).sort();
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Part 4b: a burst of 50 quick edits, each followed (as VS Code does) by a pull that is cancelled by
 * the next edit, then one final pull. Only the last version should be checked.
 */
export async function burst(server, uri, engine, n = 50) {
  let doc = server.docs.get(uri);
  const before = engineRuns(await server.stats());
  const pending = [];
  const plan = editPlan(doc.getText());
  let previousText = doc.getText();
  for (let i = 0; i < n; i++) {
    previousText = doc.getText();
    if (i === n - 1) {
      // The last edit flips a table digit, so the last version's findings differ from the one before.
      const cur = doc.getText()[plan.digitAt];
      doc = server.change(uri, plan.digitAt, plan.digitAt + 1, cur === '0' ? '1' : '0');
    } else {
      doc = server.change(uri, plan.typeAt + i, plan.typeAt + i, '字');
    }
    const cts = new CancellationTokenSource();
    pending.push(server.pull(uri, cts.token).then((r) => ({ ok: r }), (e) => ({ error: e?.code ?? String(e) })));
    cts.cancel();
  }
  const t0 = now();
  const final = await server.pull(uri);
  const finalMs = now() - t0;
  const earlier = await Promise.all(pending);
  const after = engineRuns(await server.stats());
  const answered = earlier.filter((e) => e.ok && e.ok.kind === 'full');
  return {
    edits: n, lastVersion: doc.version, finalResultId: final?.resultId ?? null, finalMs,
    resultIdIsLastVersion: final?.resultId === String(doc.version),
    finalAgreesWithEngine: engine ? sameFindings(final, engine.check(doc.getText()).findings) : null,
    // True when the check can tell the last version from the one before (the flipped digit changes findings).
    discriminating: engine ? !sameFindings(final, engine.check(previousText).findings) : null,
    cancelledPullsAnswered: answered.length,
    cancelledPullsRejected: earlier.filter((e) => e.error !== undefined).length,
    engineRuns: before !== null && after !== null ? after - before : null,
  };
}

/**
 * Part 4c: responsiveness with a huge document. While the big document is opened and pulled, a small
 * document is pulled again and again (one at a time); the longest wait for a small answer is how long
 * the server was unresponsive.
 */
export async function responsiveness(server, bigUri, bigText, smallUri, smallText) {
  server.open(smallUri, smallText);
  await server.pull(smallUri);
  const t0 = now();
  server.open(bigUri, bigText);
  let done = false;
  const big = server.pull(bigUri).then((r) => { done = true; return { r, ms: now() - t0 }; });
  const waits = [];
  while (!done) {
    const t1 = now();
    await server.pull(smallUri);
    waits.push(now() - t1);
    if (!done) await new Promise((r) => setTimeout(r, 20));
  }
  const { r, ms } = await big;
  const items = r?.items ?? [];
  const codeOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);
  const sizeFinding = items.find((d) => /large|size|too-big|过大|过长/i.test(`${codeOf(d)} ${d.message}`));
  server.close(bigUri);
  server.close(smallUri);
  return {
    bytes: Buffer.byteLength(bigText), bigPullMs: ms, bigItems: items.length, smallPulls: waits.length,
    maxSmallWaitMs: waits.length ? Math.max(...waits) : 0,
    sizeFinding: sizeFinding ? { code: codeOf(sizeFinding), message: sizeFinding.message } : null,
  };
}

/** Part 5: memory with `count` open reports, each pulled once (so every cache is filled). */
export async function memoryWithOpenReports(files, count = 50) {
  const server = await Server.start();
  try {
    const idle = server.memory();
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    for (let i = 0; i < count; i++) {
      const uri = pathToFileURL(join(ROOT, 'bench', 'virtual', `report-${String(i).padStart(2, '0')}.txt`)).href;
      // Each document differs (a line appended) so no two share a cache entry by content.
      server.open(uri, `${texts[i % texts.length]}\n第${i}份\n`);
      await server.pull(uri);
    }
    const stats = await server.stats();
    const mem = server.memory();
    return {
      count, method: stats && typeof stats.heapUsed === 'number' ? 'xxgk/stats heapUsed' : 'VmRSS (/proc/<pid>/status)',
      heapUsed: stats?.heapUsed ?? null, rss: mem?.rss ?? null, hwm: mem?.hwm ?? null, idleRss: idle?.rss ?? null,
    };
  } finally {
    await server.stop();
  }
}
