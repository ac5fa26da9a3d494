/**
 * Helpers for the prose-rule tests: synthetic reports are copies of a real sample with one
 * sentence or one cell changed, so every case keeps a real report's layout around it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, parseReport, type Finding, type TableId } from '../../../server/src/engine';

export { SAMPLE } from '../../support/samples';

export function sample(name: string): string {
  return readFileSync(join(__dirname, '../../../samples', name), 'utf8');
}

/** The copy with the first occurrence of `from` replaced; fails when `from` is absent. */
export function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the sample contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** The copy with one table cell rewritten (found through the parser, so any layout works). */
export function setCell(text: string, table: TableId, rowId: string, columnId: string, value: string): string {
  const row = parseReport(text).tables[table]?.rows.find((r) => r.id === rowId);
  assert.ok(row?.cells, `row ${rowId} read`);
  const i = row.columns.findIndex((c) => c.id === columnId);
  assert.ok(i >= 0, `column ${columnId}`);
  const span = row.cells[i].span;
  return text.slice(0, span.start) + value + text.slice(span.end);
}

export function findingsOf(text: string, code: string): Finding[] {
  return check(text).findings.filter((f) => f.code === code);
}

/** Exactly one finding of `code`, whose range covers `at` (its first occurrence after `after`). */
export function expectOne(text: string, code: string, at: string, after = '', message?: RegExp): Finding {
  const found = findingsOf(text, code);
  assert.equal(found.length, 1, `one ${code}: ${JSON.stringify(found.map((f) => f.message))}`);
  const f = found[0];
  const from = after ? text.indexOf(after) : 0;
  assert.ok(from >= 0, `marker ${after} found`);
  const start = text.indexOf(at, from);
  assert.ok(start >= 0, `${at} found`);
  assert.deepEqual({ start: f.span.start, text: text.slice(f.span.start, f.span.end) }, { start, text: at });
  if (message) assert.match(f.message, message);
  return f;
}

export function expectNone(text: string, code: string): void {
  assert.deepEqual(findingsOf(text, code).map((f) => `${f.message} @${f.range.start.line}:${f.range.start.character}`), []);
}
