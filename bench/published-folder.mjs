// A reviewer's download folder of N published PDFs (issue 22), timed through the CLI and through the real language
// server's workspace check, first run and second run (the server keeps conversions by content: nothing converted again).
//   node bench/published-folder.mjs [N=100]      (npm run build first)
// The PDFs are the Chromium prints of test/fixtures/convert/, each copy made distinct by a comment after %%EOF
// (different bytes, the same document), named as the sites' publishing systems name them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const ROOT = join(import.meta.dirname, '..');
const N = Number(process.argv[2] ?? 100);
const FIXTURES = join(ROOT, 'test', 'fixtures', 'convert');
const SOURCES = ['000_4be19b291208bb33', '001_4bbec81685d80308', '002_931eb61caecda62d', '003_8cda5f95bd011878', '004_fcebe1c6f102ee17']
  .map((n) => readFileSync(join(FIXTURES, `${n}.pdf`)));

const dir = mkdtempSync(join(tmpdir(), 'xxgk-pdfs-'));
for (let i = 0; i < N; i++) {
  writeFileSync(join(dir, `P02024013156358${String(i).padStart(7, '0')}.pdf`), Buffer.concat([SOURCES[i % SOURCES.length], Buffer.from(`\n% copy ${i}\n`)]));
}

const seconds = (t0) => (performance.now() - t0) / 1000;
try {
  let t0 = performance.now();
  const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const cliSeconds = seconds(t0);
  const files = JSON.parse(cli.stdout).files;
  console.log(`CLI: ${files.length} PDFs in ${cliSeconds.toFixed(1)} s (${files.filter((f) => f.status === 'report').length} reports; no cache across runs)`);

  const proc = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.onRequest((method, params) => (method === 'workspace/configuration' ? (params?.items ?? []).map(() => null) : null));
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], locale: 'zh-CN',
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { diagnostic: {}, publishDiagnostics: {} } },
  });
  await conn.sendNotification('initialized', {});
  for (const run of ['first', 'second']) {
    t0 = performance.now();
    const r = await conn.sendRequest('xxgk/checkWorkspace', {});
    const s = await conn.sendRequest('xxgk/stats', {});
    console.log(`editor, ${run} workspace check: ${r.reports.length} listed in ${seconds(t0).toFixed(1)} s `
      + `(${r.reports.filter((x) => x.status === 'report').length} reports); converter processes so far ${s.conversions.conversions}, cache hits ${s.conversions.hits}`);
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  console.log(`${cpus().length} cores, node ${process.version}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
