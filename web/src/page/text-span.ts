/** The stretch of a report's text a click marks: offsets from LSP positions (no DOM: unit-tested in Node). */
import type { Range } from '../../../server/src/engine';

/** Where each line starts, as the engine splits lines (LF, CR LF, CR). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

export function offsetOf(starts: readonly number[], text: string, p: { line: number; character: number }): number {
  const start = starts[Math.min(p.line, starts.length - 1)] ?? 0;
  return Math.min(start + p.character, text.length);
}

/** The stretch to mark: the range, or for an empty range (a finding about the file, an insertion point) its whole line. */
export function markedSpan(text: string, range: Range): { start: number; end: number } {
  const starts = lineStarts(text);
  const start = offsetOf(starts, text, range.start);
  const end = offsetOf(starts, text, range.end);
  if (end > start) return { start, end };
  const lineEnd = starts[range.start.line + 1] ?? text.length;
  return { start: starts[Math.min(range.start.line, starts.length - 1)] ?? 0, end: Math.max(start, lineEnd) };
}
