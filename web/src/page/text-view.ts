/** The report's text with one range highlighted and scrolled into view: offsets from LSP positions. */
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

/** Show `text` in `pre`, the span marked; returns the mark element (null when the text is empty). */
export function showText(pre: HTMLElement, text: string, range: Range | null): HTMLElement | null {
  pre.replaceChildren();
  if (!range || text === '') {
    pre.textContent = text;
    return null;
  }
  const { start, end } = markedSpan(text, range);
  const mark = document.createElement('mark');
  mark.id = 'highlight';
  mark.textContent = text.slice(start, end);
  pre.append(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
  return mark;
}
