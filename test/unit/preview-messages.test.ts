/** The table preview's webview messages are untrusted: only a well-formed `ready` or `reveal` passes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../client/src/preview/messages';

const range = { start: { line: 51, character: 8 }, end: { line: 51, character: 9 } };

test('ready, and reveal with a range, pass as they are', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseWebviewMessage({ type: 'reveal', range, extra: 'ignored' }), { type: 'reveal', range });
  // An empty cell: a zero-width range.
  const empty = { start: { line: 41, character: 37 }, end: { line: 41, character: 37 } };
  assert.deepEqual(parseWebviewMessage({ type: 'reveal', range: empty }), { type: 'reveal', range: empty });
});

test('anything else is dropped', () => {
  for (const bad of [
    null, 'reveal', 42, {}, { type: 'open' },
    { type: 'reveal' },
    { type: 'reveal', range: { start: { line: 1 }, end: { line: 1, character: 2 } } },
    { type: 'reveal', range: { start: { line: -1, character: 0 }, end: { line: 1, character: 2 } } },
    { type: 'reveal', range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } } },
    { type: 'reveal', range: { start: { line: '1', character: 0 }, end: { line: 2, character: 0 } } },
    { type: 'reveal', range: { start: { line: 3, character: 0 }, end: { line: 2, character: 0 } } },
    { type: 'reveal', range: { start: { line: 2, character: 5 }, end: { line: 2, character: 4 } } },
  ]) assert.equal(parseWebviewMessage(bad), null, JSON.stringify(bad));
});
