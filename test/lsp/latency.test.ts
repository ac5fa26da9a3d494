/**
 * Typing into a ~1 MB report over stdio: the time from a didChange to the answer of the pull that
 * follows it, as an editor sees it. The figures are printed, never asserted (durations depend on the machine);
 * what is asserted is behaviour: every answer is a full report of the version just typed, a burst of
 * keystrokes whose earlier pulls are cancelled ends with the last version's diagnostics.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { SAMPLE, sampleText, TestClient } from './support/client';

const TARGET_BYTES = 1024 * 1024;

/** The five samples one after another, again and again, up to ~1 MB of UTF-8. */
function megabyteReport(): string {
  const texts = Object.values(SAMPLE).map(sampleText);
  let out = '';
  for (let i = 0; Buffer.byteLength(out, 'utf8') < TARGET_BYTES; i++) out += texts[i % texts.length] + '\n';
  return out;
}

const stats = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, min: s[0].toFixed(1), median: at(0.5).toFixed(1), p90: at(0.9).toFixed(1), max: s[s.length - 1].toFixed(1) };
};

let client: TestClient;
before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

test('typing into a ~1 MB report: didChange → pulled diagnostics latency (printed, not asserted)', async () => {
  const text = megabyteReport();
  const lines = text.split('\n');
  const uri = 'untitled:Untitled-megabyte';
  const t0 = performance.now();
  await client.open(uri, text, 1);
  const first = await client.pull(uri);
  const openMs = performance.now() - t0;
  assert.equal(first.kind, 'full');
  assert.equal(first.resultId, '1');

  // Type digits at the start of a prose line in the middle of the document, one keystroke per version.
  const line = lines.findIndex((l, i) => i > lines.length / 2 && /^[\u4e00-\u9fff]/.test(l) && l.length > 40);
  assert.ok(line > 0);
  const typing: number[] = [];
  let version = 1;
  for (let i = 0; i < 30; i++) {
    version++;
    const start = performance.now();
    await client.change(uri, version, [{ range: { start: { line, character: i }, end: { line, character: i } }, text: String(i % 10) }]);
    const report = await client.pull(uri, String(version - 1));
    typing.push(performance.now() - start);
    assert.equal(report.kind, 'full');
    assert.equal(report.resultId, String(version));
  }

  // A burst: ten keystrokes, each pull cancelled by the next keystroke, as the editor does; then the last pull.
  const burstStart = performance.now();
  const pending: Promise<DocumentDiagnosticReport | 'cancelled'>[] = [];
  let source: CancellationTokenSource | undefined;
  for (let i = 0; i < 10; i++) {
    source?.cancel();
    version++;
    await client.change(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
    source = new CancellationTokenSource();
    pending.push(client.pull(uri, undefined, source).catch((e: { code?: number }) => {
      assert.equal(e.code, -32800, 'a superseded pull is cancelled, nothing else');
      return 'cancelled' as const;
    }));
  }
  const answers = await Promise.all(pending);
  const burstMs = performance.now() - burstStart;
  const last = answers[answers.length - 1];
  assert.ok(last !== 'cancelled' && last.kind === 'full' && last.resultId === String(version), 'the last keystroke’s version is answered');
  const served = answers.filter((a) => a !== 'cancelled').length;

  const s0 = performance.now();
  const symbols = await client.symbols(uri);
  const symbolsMs = performance.now() - s0;
  assert.ok(symbols.length > 0);

  console.log(`[latency] document: ${(Buffer.byteLength(text, 'utf8') / 1024 / 1024).toFixed(2)} MB, ${text.length} UTF-16 units, ${lines.length} lines; ` +
    `${first.kind === 'full' ? first.items.length : 0} diagnostics`);
  console.log(`[latency] open → first diagnostics: ${openMs.toFixed(1)} ms`);
  console.log(`[latency] keystroke (didChange) → pulled diagnostics, ms: ${JSON.stringify(stats(typing))}`);
  console.log(`[latency] burst of 10 keystrokes with cancelled pulls → last diagnostics: ${burstMs.toFixed(1)} ms (${served} of 10 pulls ran to the end)`);
  console.log(`[latency] documentSymbol on the cached version: ${symbolsMs.toFixed(1)} ms`);
  await client.close(uri);
});
