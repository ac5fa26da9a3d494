/**
 * Invariants every check() result must satisfy, computed independently of the engine's own line
 * table: spans inside the text, on UTF-16 boundaries, ranges agreeing with spans.
 */
import assert from 'node:assert/strict';
import type { CheckResult, Finding, Range, Report, Span, TextEdit } from '../../../server/src/engine';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Line starts of `text`, with CRLF, CR and LF as line ends (LSP's rule). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

export function positionOf(starts: readonly number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** An offset that may start or end a span: inside the text, not inside a surrogate pair or a CRLF. */
export function assertBoundary(text: string, offset: number, what: string): void {
  assert.ok(Number.isInteger(offset) && offset >= 0 && offset <= text.length, `${what}: offset ${offset} outside 0…${text.length}`);
  if (offset === 0 || offset === text.length) return;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  assert.ok(!(isHigh(before) && isLow(after)), `${what}: offset ${offset} splits a surrogate pair`);
  assert.ok(!(before === 13 && after === 10), `${what}: offset ${offset} splits a CRLF`);
}

export function assertSpan(text: string, span: Span, what: string): void {
  assertBoundary(text, span.start, `${what} start`);
  assertBoundary(text, span.end, `${what} end`);
  assert.ok(span.start <= span.end, `${what}: start ${span.start} after end ${span.end}`);
}

function assertRange(text: string, starts: readonly number[], span: Span, range: Range, what: string): void {
  assertSpan(text, span, what);
  assert.deepEqual(
    { start: { ...range.start }, end: { ...range.end } },
    { start: positionOf(starts, span.start), end: positionOf(starts, span.end) },
    `${what}: range disagrees with span ${span.start}…${span.end}`,
  );
}

/** Every span and range of every finding (related locations and edits included). */
export function assertFindings(text: string, findings: readonly Finding[]): void {
  const starts = lineStarts(text);
  for (const f of findings) {
    const what = `${f.code} "${f.message}"`;
    assert.notEqual(f.code, 'internal-error', `a rule threw: ${f.message}`);
    assertRange(text, starts, f.span, f.range, what);
    f.related.forEach((r, i) => assertRange(text, starts, r.span, r.range, `${what} related[${i}]`));
    for (const fix of [...(f.fix ? [f.fix] : []), ...f.suggestions]) {
      fix.edits.forEach((e, i) => assertRange(text, starts, e.span, e.range, `${what} edit[${i}] of "${fix.title}"`));
    }
  }
}

/** Every span of the report model (cells, labels, headings, lines, markers…) lies inside the text. */
export function assertModelSpans(report: Report): void {
  const text = report.text;
  assert.equal(report.folded.length, text.length, 'normalisation is one unit to one unit');
  const seen = new Set<object>();
  const walk = (v: unknown, path: string): void => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Set || v instanceof Map) return;
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') assertSpan(text, o as unknown as Span, path);
    for (const [k, x] of Object.entries(o)) if (k !== 'template') walk(x, `${path}.${k}`);
  };
  walk(report, 'report');
}

export function assertResult(text: string, result: CheckResult): void {
  assert.equal(result.cancelled, false);
  assert.equal(result.report.text, text);
  assertFindings(text, result.findings);
  assertModelSpans(result.report);
}

/**
 * Where an offset of the text before the edits lands after them (edits sorted, not overlapping).
 * At an insertion point both places are possible (before or after the inserted text: a blank cell
 * filled with 0 is still the same cell), so every candidate is returned.
 */
export function mapOffset(offset: number, edits: readonly TextEdit[]): number[] {
  let delta = 0;
  for (const e of edits) {
    if (e.span.start > offset) break;
    if (e.span.start === e.span.end) {
      if (e.span.start === offset) return [offset + delta, offset + delta + e.newText.length];
      delta += e.newText.length;
      continue;
    }
    if (offset < e.span.end) return [e.span.start + delta];
    delta += e.newText.length - (e.span.end - e.span.start);
  }
  return [offset + delta];
}
