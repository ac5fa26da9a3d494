/** `xxgk/stats`: the engine runs once per document version, and a burst of edits checks only the last. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE, sampleText, sampleUri, TestClient } from './support/client';

let client: TestClient;
before(async () => { client = await TestClient.start(); });
after(async () => { await client.stop(); });

test('pulls, symbols and folding of one version run the engine once; 50 quick edits then a pull run it once more', async () => {
  const uri = sampleUri(SAMPLE.s003);
  const text = sampleText(SAMPLE.s003);
  const start = await client.stats();
  await client.open(uri, text, 1);
  await client.pull(uri);
  await client.pull(uri);
  await client.symbols(uri);
  await client.foldingRanges(uri);
  const afterOpen = await client.stats();
  assert.equal(afterOpen.engineRuns - start.engineRuns, 1);
  assert.equal(afterOpen.documents, start.documents + 1);
  assert.ok(afterOpen.heapUsed > 0);
  // Fifty single-character insertions at the end of the first line, with no pull in between.
  const firstLineEnd = text.split(/\r?\n/)[0].length;
  for (let v = 2; v <= 51; v++) {
    await client.change(uri, v, [{ range: { start: { line: 0, character: firstLineEnd + v - 2 }, end: { line: 0, character: firstLineEnd + v - 2 } }, text: 'x' }]);
  }
  const report = await client.pull(uri);
  assert.equal((report as { resultId?: string }).resultId, '51');
  const afterBurst = await client.stats();
  assert.equal(afterBurst.engineRuns - afterOpen.engineRuns, 1);
  await client.close(uri);
});

test('pull durations: the server counts its own time per pull, and a reset starts the count afresh', async () => {
  const uri = sampleUri(SAMPLE.s002);
  await client.open(uri, sampleText(SAMPLE.s002), 1);
  await client.stats({ resetPulls: true });
  for (let i = 0; i < 5; i++) await client.pull(uri);
  const five = await client.stats();
  assert.equal(five.pulls.count, 5);
  assert.ok(five.pulls.median > 0 && five.pulls.median <= five.pulls.p95 && five.pulls.p95 <= five.pulls.max);
  // The reset above was answered before it cleared: the answer that asks for a reset still counts the five.
  const reset = await client.stats({ resetPulls: true });
  assert.equal(reset.pulls.count, 5);
  assert.equal((await client.stats()).pulls.count, 0);
  await client.close(uri);
});
