/** Splitting a line into cells, keeping each cell's offsets into the original text. */
import type { Line } from '../text/lines';
import { isSpaceUnit } from '../text/chars';

export interface Field {
  readonly start: number;
  readonly end: number;
  /** Folded and trimmed. Empty for an empty field (then start === end). */
  readonly text: string;
}

export interface LineFields {
  readonly line: Line;
  readonly fields: readonly Field[];
  readonly nonEmpty: readonly Field[];
  /** The line used TAB or `|` separators. */
  readonly separated: boolean;
}

const NUMERIC_PIECE = /^(?:[+-]?\d[\d,]*(?:\.\d+)?(?:万元|元|件|条|个|项|次|宗|起|%)?|\/|-+)$/;

/** `/[\s*]/` by character code: the trim runs on every character of every table line. */
const isBlankOrStar = (c: number): boolean => c === 42 || isSpaceUnit(c);

function trimmed(text: string, from: number, to: number, base: number): Field {
  let s = from;
  let e = to;
  while (s < e && isBlankOrStar(text.charCodeAt(s))) s++;
  while (e > s && isBlankOrStar(text.charCodeAt(e - 1))) e--;
  // An empty field sits after the first blank of its padding: a fix writing `0` there keeps `| 0 |`.
  if (s === e) s = e = from + Math.min(1, to - from);
  return { start: base + s, end: base + e, text: text.slice(s, e) };
}

/**
 * Split a field written with spaces (PDF columns: runs of two or more spaces) and peel numbers
 * separated by single spaces off its end (`(七) 总计 0 0 0`), but never split a label's inner spaces.
 * A scan by character code (pieces are runs of non-blanks joined by single spaces, their words split at
 * those spaces), not regexes and arrays: it runs on every table line.
 */
function splitSpaced(f: Field, out: Field[]): void {
  const s = f.text;
  const len = s.length;
  let i = 0;
  while (i < len && !isSpaceUnit(s.charCodeAt(i))) i++;
  if (i === len) {
    out.push(f);
    return;
  }
  let pos = 0;
  while (pos < len) {
    while (pos < len && isSpaceUnit(s.charCodeAt(pos))) pos++;
    if (pos >= len) break;
    // A piece: runs of non-blanks joined by single spaces.
    const start = pos;
    let inner = false;
    for (;;) {
      while (pos < len && !isSpaceUnit(s.charCodeAt(pos))) pos++;
      if (pos + 1 < len && s.charCodeAt(pos) === 32 && !isSpaceUnit(s.charCodeAt(pos + 1))) {
        pos++;
        inner = true;
        continue;
      }
      break;
    }
    const end = pos;
    if (!inner) {
      out.push({ start: f.start + start, end: f.start + end, text: s.slice(start, end) });
      continue;
    }
    // Its numeric words at the end, last first: peeled off when the piece is not all one label.
    const numbers: Field[] = [];
    let wordEnd = end;
    let allNumbers = false;
    for (;;) {
      const space = s.lastIndexOf(' ', wordEnd - 1);
      const wordStart = space >= start ? space + 1 : start;
      const text = s.slice(wordStart, wordEnd);
      if (!NUMERIC_PIECE.test(text)) break;
      numbers.push({ start: f.start + wordStart, end: f.start + wordEnd, text });
      if (wordStart === start) {
        allNumbers = true;
        break;
      }
      wordEnd = space;
    }
    if (numbers.length === 0) {
      out.push({ start: f.start + start, end: f.start + end, text: s.slice(start, end) });
      continue;
    }
    if (!allNumbers) out.push({ start: f.start + start, end: f.start + wordEnd, text: s.slice(start, wordEnd) });
    for (let j = numbers.length - 1; j >= 0; j--) out.push(numbers[j]);
  }
}

export function splitFields(line: Line): LineFields {
  const text = line.text;
  const sep = text.includes('|') ? '|' : text.includes('\t') ? '\t' : '';
  const raw: Field[] = [];
  if (sep) {
    // A field ends at each separator and at the end of the line.
    for (let from = 0, i = text.indexOf(sep); ; i = text.indexOf(sep, from)) {
      const end = i < 0 ? text.length : i;
      raw.push(trimmed(text, from, end, line.start));
      if (i < 0) break;
      from = i + 1;
    }
    if (sep === '|') {
      // `| a | b |`: the empty fields outside the first and last pipe are not columns.
      if (raw.length > 1 && raw[0].text === '' && /^\s*\|/.test(text)) raw.shift();
      if (raw.length > 1 && raw[raw.length - 1].text === '' && /\|\s*$/.test(text)) raw.pop();
      // A markdown rule row `|---|:--|` carries no cells.
      if (raw.length > 0 && raw.every((f) => /^:?-{3,}:?$/.test(f.text))) raw.length = 0;
    }
  }
  const fields: Field[] = [];
  if (!sep) {
    const f = trimmed(text, 0, text.length, line.start);
    if (f.text === '') fields.push(f);
    else splitSpaced(f, fields);
  }
  for (const f of raw) {
    if (f.text === '') fields.push(f);
    else splitSpaced(f, fields);
  }
  const nonEmpty: Field[] = [];
  for (const f of fields) if (f.text !== '') nonEmpty.push(f);
  return { line, fields, nonEmpty, separated: sep !== '' };
}

/**
 * Read `fields` as exactly `n` positional cells: drop surplus empty fields at the end, then at the
 * start. Null when that does not give `n`.
 */
export function positional(fields: readonly Field[], n: number): Field[] | null {
  const f = fields.slice();
  while (f.length > n && f[f.length - 1].text === '') f.pop();
  while (f.length > n && f[0].text === '') f.shift();
  return f.length === n ? f : null;
}

const BRACKETED = /[（(][^（()）]*[)）]/g;
const SENTENCE_STOPS = /[。；;]/;
const CLAUSE_STOPS = /[。；;，,]/;

/**
 * A field that is prose, not a table cell: it holds a full stop or semicolon, or a comma outside brackets
 * (a header may carry a bracketed note with commas: `本年收费金额（单位：万元，保留4位小数）`). A sentence that gives
 * a table's figures (`全年共公开10条信息，…行政事业性收费项目0项。`) is a statement for the prose rules: no row
 * label, no header and no version marker is read from it (docs/format.md, "Prose is not a table").
 */
export function isProseField(text: string): boolean {
  if (SENTENCE_STOPS.test(text)) return true;
  if (!CLAUSE_STOPS.test(text)) return false;
  return CLAUSE_STOPS.test(text.replace(BRACKETED, ''));
}
