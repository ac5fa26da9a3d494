/**
 * The prose of a report, as sentences. Only lines outside the tables count: no table line,
 * no line split into fields by TAB or `|`, no section heading. A sentence never crosses a line: a
 * paragraph broken mid-sentence (sample 001) gives two sentences, which at worst loses a statement.
 */
import type { Line } from '../text/lines';
import type { Report, Span } from '../model';
import { perLine, versionOf } from '../incremental/versions';

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

const TERMINATORS = /[。！？!?]/;

function isProseLine(report: Report, line: Line, headingLines: ReadonlySet<number>): boolean {
  if (report.tableLines.has(line.index) || headingLines.has(line.index)) return false;
  if (/[\t|]/.test(line.text)) return false;
  return line.text.length <= 20000 && /\S/.test(line.text);
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
  while (s < text.length && /[\s*#]/.test(text[s])) s++;
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
    while (s < text.length && /\s/.test(text[s])) s++;
    i = s - 1;
  }
  return out;
}

/** A line's sentences as read in an earlier version, at the line's new place. */
function moveSentences(line: ProseLine, delta: number, to: Line): ProseLine {
  return {
    line: to, section: line.section,
    sentences: line.sentences.map((x) => ({
      start: x.start + delta, end: x.end + delta, text: x.text, line: to.index, section: x.section, paragraphStart: x.paragraphStart,
    })),
  };
}

function readProseLines(report: Report): ProseLine[] {
  if (report.content !== 'text') return [];
  const version = versionOf(report);
  const headingLines = new Set(report.headings.map((h) => h.line));
  const out: ProseLine[] = [];
  // Headings are in text order and so are lines: the section of a line is that of the last heading
  // at or before it (a pointer, not a scan of every heading per line: linear on large texts).
  let next = 0;
  let section = 0;
  for (const line of report.lines) {
    while (next < report.headings.length && report.headings[next].span.start <= line.start) section = report.headings[next++].no;
    if (!isProseLine(report, line, headingLines)) continue;
    const prose = perLine(version, 'sentences', line, (l) => ({ line: l, section, sentences: lineSentences(l, section) }), {
      reusable: (p) => p.section === section,
      move: moveSentences,
    });
    if (prose.sentences.length) out.push(prose);
  }
  return out;
}

/**
 * The sentence cut at the given marks (by default ，,；;、：:), each piece with its offset. The marks
 * themselves are left out.
 */
export function segments(sentence: Sentence | Segment, marks = /[，,；;、：:]/): Segment[] {
  const out: Segment[] = [];
  let s = 0;
  const t = sentence.text;
  for (let i = 0; i <= t.length; i++) {
    if (i < t.length && !marks.test(t[i]) && !TERMINATORS.test(t[i])) continue;
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
