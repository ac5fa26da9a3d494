/**
 * The prose of a report, as sentences. Only lines outside the tables count: no table line,
 * no line split into fields by TAB or `|`, no section heading. A sentence never crosses a line: a
 * paragraph broken mid-sentence (sample 001) gives two sentences, which at worst loses a statement.
 */
import type { Line } from '../text/lines';
import type { Report, Span } from '../model';
import { PerLine, versionOf } from '../incremental/versions';
import { isSpaceUnit } from '../text/chars';

/** `\s`, `*` or `#`: what comes before a line's first sentence. */
const isLeadSentenceUnit = (c: number): boolean => c === 0x23 || c === 0x2a || isSpaceUnit(c);

export interface Sentence {
  /** Offsets into the original text (identical to the folded text's). */
  readonly start: number;
  readonly end: number;
  /** The folded text of the sentence, terminator included. */
  readonly text: string;
  readonly line: number;
  /** The section the sentence is in (1–6), or 0 before the first heading. */
  readonly section: number;
  /** True when the sentence begins its line (a paragraph start). */
  readonly paragraphStart: boolean;
}

/** A piece of a sentence between punctuation marks, with its offset. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Sentence terminators (a segment never runs past one). */
const TERMINATOR_CHARS = '。！？!?';

/** A line the tables and headings leave to prose: no cell separators, not blank, not absurdly long. */
function isProseText(text: string): boolean {
  return !/[\t|]/.test(text) && text.length <= 20000 && /\S/.test(text);
}

/** A line of prose and its sentences (all in the line's section). */
export interface ProseLine {
  readonly line: Line;
  readonly section: number;
  readonly sentences: readonly Sentence[];
}

const CACHE = new WeakMap<Report, { readonly lines: readonly ProseLine[]; readonly sentences: readonly Sentence[] }>();

function proseOf(report: Report): { readonly lines: readonly ProseLine[]; readonly sentences: readonly Sentence[] } {
  let cached = CACHE.get(report);
  if (!cached) {
    const lines = readProseLines(report);
    cached = { lines, sentences: lines.flatMap((l) => l.sentences) };
    CACHE.set(report, cached);
  }
  return cached;
}

/** Every sentence of the report's prose, in text order (computed once per report). */
export function proseSentences(report: Report): readonly Sentence[] {
  return proseOf(report).sentences;
}

/** The report's prose line by line, each line with its sentences, in text order (computed once per report). */
export function proseLines(report: Report): readonly ProseLine[] {
  return proseOf(report).lines;
}

/** The sentences of one line of prose. */
function lineSentences(line: Line, section: number): Sentence[] {
  const out: Sentence[] = [];
  let s = 0;
  const text = line.text;
  // Leading white space and markdown marks are not part of the first sentence.
  while (s < text.length && isLeadSentenceUnit(text.charCodeAt(s))) s++;
  let first = true;
  for (let i = s; i < text.length; i++) {
    const c = text[i];
    if (c !== '。' && c !== '！' && c !== '？' && c !== '!' && c !== '?' && i !== text.length - 1) continue;
    const e = i + 1;
    const piece = text.slice(s, e);
    if (piece.trim() !== '') {
      out.push({ start: line.start + s, end: line.start + e, text: piece, line: line.index, section, paragraphStart: first });
      first = false;
    }
    s = e;
    while (s < text.length && isSpaceUnit(text.charCodeAt(s))) s++;
    i = s - 1;
  }
  return out;
}

/** A line's sentences as read in an earlier version, at the line's new place (null: not prose, wherever it is). */
function moveProse(prose: ProseLine | null, delta: number, to: Line): ProseLine | null {
  if (!prose) return null;
  return {
    line: to, section: prose.section,
    sentences: prose.sentences.map((x) => ({
      start: x.start + delta, end: x.end + delta, text: x.text, line: to.index, section: x.section, paragraphStart: x.paragraphStart,
    })),
  };
}

function readProseLines(report: Report): ProseLine[] {
  if (report.content !== 'text') return [];
  const proseOf = new PerLine(versionOf(report), 'sentences', moveProse);
  const headingLines = new Set(report.headings.map((h) => h.line));
  const out: ProseLine[] = [];
  // Headings are in text order and so are lines: the section of a line is that of the last heading
  // at or before it (a pointer, not a scan of every heading per line: linear on large texts).
  let next = 0;
  let section = 0;
  const read = (line: Line): ProseLine | null => {
    if (!isProseText(line.text)) return null;
    const sentences = lineSentences(line, section);
    return sentences.length ? { line, section, sentences } : null;
  };
  // A line read in another section before (a heading moved) is read again: every sentence carries its section.
  const sameSection = (prose: ProseLine | null) => prose === null || prose.section === section;
  for (const line of report.lines) {
    while (next < report.headings.length && report.headings[next].span.start <= line.start) section = report.headings[next++].no;
    if (report.tableLines.has(line.index) || headingLines.has(line.index)) continue;
    const prose = proseOf.at(line, read, sameSection);
    if (prose) out.push(prose);
  }
  return out;
}

/**
 * The sentence cut at the given marks (by default ，,；;、：:) and at sentence terminators, each piece with its
 * offset. The marks themselves are left out.
 */
export function segments(sentence: Sentence | Segment, marks = '，,；;、：:'): Segment[] {
  const out: Segment[] = [];
  let s = 0;
  const t = sentence.text;
  for (let i = 0; i <= t.length; i++) {
    if (i < t.length && !marks.includes(t[i]) && !TERMINATOR_CHARS.includes(t[i])) continue;
    if (i > s) out.push({ start: sentence.start + s, end: sentence.start + i, text: t.slice(s, i) });
    s = i + 1;
  }
  return out;
}

export function spanOfText(text: string, start: number): Span {
  return { start, end: start + text.length };
}

/** Years named in a sentence (`2021 年`, `2021年度`), with their spans. */
export function yearsIn(sentence: Sentence | Segment): { value: number; span: Span }[] {
  const out: { value: number; span: Span }[] = [];
  const re = /(?<![\d.])((?:19|20)\d{2})\s*年/g;
  for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
    out.push({ value: Number(m[1]), span: { start: sentence.start + m.index, end: sentence.start + m.index + 4 } });
  }
  return out;
}
