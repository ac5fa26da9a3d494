/**
 * One `ignore` entry added to a `.xxgkrc.json` text by a single insertion: the rest of the file as
 * written, the entry on a line of its own in the file's indentation and line ending.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendIgnore, entryText, newConfigText } from '../../server/src/config/append-ignore';

const ENTRY = { rule: 'item-total', file: 'a.txt', row: 'R3.7', column: 'natural' };
const LINE = '{ "rule": "item-total", "file": "a.txt", "row": "R3.7", "column": "natural" }';

function applied(text: string): string {
  const i = appendIgnore(text, ENTRY);
  assert.ok(i, 'an insertion');
  return text.slice(0, i.offset) + i.text + text.slice(i.offset);
}

test('the entry as one line, only the keys it has', () => {
  assert.equal(entryText(ENTRY), LINE);
  assert.equal(entryText({ rule: 'balance', file: '*.txt' }), '{ "rule": "balance", "file": "*.txt" }');
});

test('after the last entry of an existing list, with its indent', () => {
  assert.equal(applied('{\n  "ignore": [\n    { "rule": "balance", "file": "b.txt" }\n  ]\n}\n'),
    `{\n  "ignore": [\n    { "rule": "balance", "file": "b.txt" },\n    ${LINE}\n  ]\n}\n`);
  // A list written on one line stays on one line.
  assert.equal(applied('{"ignore": [{"rule": "balance", "file": "b.txt"}]}'), `{"ignore": [{"rule": "balance", "file": "b.txt"}, ${LINE}]}`);
});

test('into an empty list, and as a new key after the last one; CRLF and tabs kept', () => {
  assert.equal(applied('{\n  "ignore": []\n}'), `{\n  "ignore": [\n    ${LINE}\n  ]\n}`);
  assert.equal(applied('{\r\n\t"rules": { "cell-blank": "off" }\r\n}\r\n'),
    `{\r\n\t"rules": { "cell-blank": "off" },\r\n\t"ignore": [\r\n\t\t${LINE}\r\n\t]\r\n}\r\n`);
  assert.equal(applied('{}'), `{\n  "ignore": [\n    ${LINE}\n  ]\n}`);
});

test('a new file holds just the entry', () => {
  assert.equal(newConfigText(ENTRY), `{\n  "ignore": [\n    ${LINE}\n  ]\n}\n`);
  assert.deepEqual(JSON.parse(newConfigText(ENTRY)), { ignore: [ENTRY] });
});

test('not an object, or an ignore that is not a list: nothing', () => {
  assert.equal(appendIgnore('[]', ENTRY), null);
  assert.equal(appendIgnore('{ "ignore": {} }', ENTRY), null);
});
