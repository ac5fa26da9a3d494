/** A line of the original text: offsets exclude the line ending; `text` is the folded line. */
export interface Line {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Split on CRLF, CR or LF. `folded` must have the same length as the original text. */
export function splitLines(folded: string): Line[] {
  return splitLinesInto(folded, 0, folded.length, true, []);
}

/**
 * The lines of `folded[from, to)` appended to `out`, numbered on from `out.length`: `from` starts a line. With
 * `toEnd` the last line runs to `to` (the end of the text); without it `to` is where a line starts (the stretch
 * ends with a line break), as when only the lines an edit touched are split again.
 */
export function splitLinesInto(folded: string, from: number, to: number, toEnd: boolean, out: Line[]): Line[] {
  let start = from;
  // The next LF and the next CR, found by indexOf (a native scan) and looked for again only once passed.
  let lf = folded.indexOf('\n', from);
  let cr = folded.indexOf('\r', from);
  for (;;) {
    if (lf >= 0 && lf < start) lf = folded.indexOf('\n', start);
    if (cr >= 0 && cr < start) cr = folded.indexOf('\r', start);
    const i = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    if (i < 0 || i >= to) break;
    out.push({ index: out.length, start, end: i, text: folded.slice(start, i) });
    start = i === cr && lf === i + 1 ? i + 2 : i + 1;
  }
  if (toEnd) out.push({ index: out.length, start, end: to, text: folded.slice(start, to) });
  return out;
}

/** The 0-based index of the line holding an offset (binary search over line starts). */
export function lineIndexAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 0-based line and UTF-16 character of an offset. */
export function positionAt(lines: readonly Line[], offset: number): Position {
  const index = lineIndexAt(lines, offset);
  const line = lines[index];
  return { line: index, character: Math.min(Math.max(0, offset - line.start), line.end - line.start) };
}

/** The line ending the text uses first ("\n" when it has none). */
export function detectEol(text: string): string {
  const i = text.search(/\r\n|\r|\n/);
  if (i < 0) return '\n';
  return text[i] === '\r' && text[i + 1] === '\n' ? '\r\n' : text[i];
}
