/**
 * Incremental checks through the real server (issue 17): a document edited with incremental changes — typing,
 * deleting lines, breaking and mending a total, a new heading, a different report year — is answered after every
 * change with exactly the diagnostics a full check of its current text gives (code, range, message, related
 * locations). Closing and reopening a document starts afresh. The edits are a fixed pseudo-random sequence.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { check, positionAt, splitLines } from '../../server/src/engine';
import { SAMPLE, sampleText, TestClient } from './support/client';

let client: TestClient;
before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stop();
});

/** What the server must show: the engine's full check of the text, as the fields a diagnostic carries. */
function expectedOf(text: string) {
  return check(text, { locale: 'zh-CN' }).findings.map((f) => ({
    code: f.code, range: f.range, message: f.message, related: f.related.map((x) => ({ range: x.range, message: x.message })),
  }));
}

function shown(items: readonly Diagnostic[]) {
  return items.map((d) => ({
    code: d.code, range: d.range, message: d.message,
    related: (d.relatedInformation ?? []).map((x) => ({ range: x.location.range, message: x.message })),
  }));
}

/** A deterministic sequence of edits: offsets as fractions of the text, so each applies to any text. */
const PIECES = ['字', '\n', '', '', '7', '0', '本年度共收到申请12件。', '二、主动公开政府信息情况\n', '2020年', '\t', '其中'];
function* edits(n: number): Generator<{ at: number; remove: number; insert: string }> {
  let seed = 20261202;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < n; i++) {
    yield { at: rnd(), remove: rnd() < 0.3 ? Math.floor(rnd() * 25) : 0, insert: PIECES[Math.floor(rnd() * PIECES.length)] };
  }
}

for (const name of [SAMPLE.s002, SAMPLE.s004]) {
  test(`incremental edits of ${name}: after each one the server shows what a full check of the text gives`, async () => {
    const uri = pathToFileURL(`/virtual/incremental-${name}`).href;
    let text = sampleText(name);
    let version = 1;
    await client.open(uri, text, version);
    assert.deepEqual(shown(await client.diagnostics(uri)), expectedOf(text));
    let compared = 0;
    for (const e of edits(40)) {
      const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
      const end = Math.min(text.length, at + e.remove);
      const lines = splitLines(text);
      await client.change(uri, ++version, [{ range: { start: positionAt(lines, at), end: positionAt(lines, end) }, text: e.insert }]);
      text = text.slice(0, at) + e.insert + text.slice(end);
      assert.deepEqual(shown(await client.diagnostics(uri)), expectedOf(text), `after edit ${version - 1}`);
      compared++;
    }
    assert.equal(compared, 40);
    // Closed and opened again with other text: nothing of the old versions is used.
    await client.close(uri);
    const other = sampleText(SAMPLE.s000);
    await client.open(uri, other, 1);
    assert.deepEqual(shown(await client.diagnostics(uri)), expectedOf(other));
    await client.close(uri);
  });
}
