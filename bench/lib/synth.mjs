// Synthetic reports for the scaling benchmark, built only from the samples (never edited).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './engine.mjs';

export const SAMPLES_DIR = join(ROOT, 'samples');

export const REAL_DIR = join(ROOT, 'test', 'fixtures', 'real');

/** The real reports outside the samples (the corpus of ../shared/corpus/real, kept as test fixtures). */
export function realFiles() {
  return readdirSync(REAL_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(REAL_DIR, f));
}

/** Every report the engine is timed on: the samples, then the real reports, each with its set. */
export function benchFiles() {
  return [...sampleFiles().map((path) => ({ path, set: 'sample' })), ...realFiles().map((path) => ({ path, set: 'real' }))];
}

export function sampleFiles() {
  return readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SAMPLES_DIR, f));
}

const bytes = (s) => Buffer.byteLength(s, 'utf8');

/** Cut `text` at the last line break at or before `target` UTF-8 bytes. */
function cutAt(text, target) {
  if (bytes(text) <= target) return text;
  const buf = Buffer.from(text, 'utf8');
  let end = buf.lastIndexOf(0x0a, target);
  if (end < 0) end = target;
  return buf.subarray(0, end + 1).toString('utf8');
}

/** Many reports concatenated (each sample in turn), cut at a line boundary near `target` bytes. */
export function concatenated(target) {
  const texts = sampleFiles().map((f) => readFileSync(f, 'utf8'));
  const parts = [];
  let n = 0;
  for (let i = 0; n < target; i++) {
    const t = texts[i % texts.length];
    parts.push(t, '\n');
    n += bytes(t) + 1;
  }
  return cutAt(parts.join(''), target);
}

/**
 * One report whose table (Table 2 `applications` or Table 3 `review`) is repeated in place until the
 * text reaches `target` bytes: one huge table with thousands of rows. Uses sample 003 (TAB rows).
 * `engine` is the loaded engine module (to find the table's lines).
 */
export function hugeTable(engine, target, tableId) {
  const file = sampleFiles().find((f) => f.includes('003_')) ?? sampleFiles()[0];
  const text = readFileSync(file, 'utf8');
  const report = engine.parseReport(text);
  const t = report.tables[tableId];
  if (!t) throw new Error(`${file}: no ${tableId} table`);
  const lines = text.split('\n');
  let from = t.firstLine;
  if (tableId === 'applications') {
    // Repeat the data rows (一、本年新收 … 总计 …), not the column header.
    const i = lines.findIndex((l, k) => k >= t.firstLine && /本年新收/.test(l));
    if (i >= 0) from = i;
  }
  const before = lines.slice(0, t.lastLine + 1);
  const block = lines.slice(from, t.lastLine + 1).join('\n');
  const after = lines.slice(t.lastLine + 1).join('\n');
  const base = bytes(text);
  const per = bytes(block) + 1;
  const copies = Math.max(0, Math.floor((target - base) / per));
  return [before.join('\n'), ...Array(copies).fill(block), after].join('\n');
}

export const SHAPES = {
  concat: { label: 'reports concatenated', make: (_engine, size) => concatenated(size) },
  table2: { label: 'one Table 2, rows repeated', make: (engine, size) => hugeTable(engine, size, 'applications') },
  review: { label: 'Table 3 repeated', make: (engine, size) => hugeTable(engine, size, 'review') },
};

export const SIZES = [10 * 1024, 100 * 1024, 1024 * 1024, 5 * 1024 * 1024];
