/**
 * Prose carried over from last year: paragraphs that are near-identical once numbers and years are
 * masked, and sentences of this year's report that open with last year's year (the statement was
 * copied and the year not updated). Both work on lines outside the tables and headings.
 */
import type { Line } from '../text/lines';
import type { Report } from '../model';
import { statedYears } from '../prose/years';
import { rangeIn } from './cells';
import type { CopiedParagraph, StaleYear } from './types';

/** Paragraphs shorter than this (masked) are headings, captions or boilerplate lines: not compared. */
const MIN_LENGTH = 30;
/** Bigram similarity from which two paragraphs count as copied. */
export const COPY_SIMILARITY = 0.9;

interface Paragraph {
  readonly line: Line;
  /** The text with every digit run masked and white space and punctuation dropped. */
  readonly key: string;
  readonly bigrams: Map<string, number>;
}

/** Numbers (and so years) become `#`; only letters, CJK and `#` are kept. */
export function maskNumbers(text: string): string {
  return text.replace(/[0-9０-９]+(?:[.．][0-9０-９]+)?/g, '#').replace(/[^\p{L}#]+/gu, '');
}

function bigrams(key: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < key.length; i++) {
    const b = key.slice(i, i + 2);
    out.set(b, (out.get(b) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of two bigram multisets: 1 for equal texts. */
export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let common = 0;
  let na = 0;
  let nb = 0;
  for (const n of a.values()) na += n;
  for (const n of b.values()) nb += n;
  if (na + nb === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [k, n] of small) common += Math.min(n, large.get(k) ?? 0);
  return (2 * common) / (na + nb);
}

function paragraphs(report: Report): Paragraph[] {
  if (report.content !== 'text') return [];
  const skip = new Set<number>(report.headings.map((h) => h.line));
  if (report.title) {
    for (const l of report.lines) if (l.start <= report.title.span.start && report.title.span.start <= l.end) skip.add(l.index);
  }
  const out: Paragraph[] = [];
  for (const line of report.lines) {
    if (report.tableLines.has(line.index) || skip.has(line.index) || line.text.length > 20000) continue;
    if (/\t|\|/.test(line.text)) continue;
    const key = maskNumbers(line.text);
    if (key.length < MIN_LENGTH) continue;
    out.push({ line, key, bigrams: bigrams(key) });
  }
  return out;
}

export function copiedParagraphs(previous: Report, current: Report): CopiedParagraph[] {
  const before = paragraphs(previous);
  const exact = new Map<string, Paragraph>();
  for (const p of before) if (!exact.has(p.key)) exact.set(p.key, p);
  const out: CopiedParagraph[] = [];
  for (const p of paragraphs(current)) {
    let best: Paragraph | undefined = exact.get(p.key);
    let score = best ? 1 : 0;
    if (!best) {
      for (const q of before) {
        // Lengths too far apart cannot reach the threshold: skip the count.
        const ratio = Math.min(p.key.length, q.key.length) / Math.max(p.key.length, q.key.length);
        if (ratio < COPY_SIMILARITY * 0.8) continue;
        const s = similarity(p.bigrams, q.bigrams);
        if (s > score) {
          score = s;
          best = q;
        }
      }
    }
    if (!best || score < COPY_SIMILARITY) continue;
    const text = current.text.slice(p.line.start, p.line.end).trim();
    out.push({
      similarity: Math.round(score * 1000) / 1000,
      previousRange: rangeIn(previous, { start: best.line.start, end: best.line.end }),
      currentRange: rangeIn(current, { start: p.line.start, end: p.line.end }),
      text: text.length > 200 ? `${text.slice(0, 200)}…` : text,
    });
  }
  return out;
}

/** Sentences of this year's report that open with last year's year, as a statement about the year reported. */
export function staleYears(previous: Report, current: Report): StaleYear[] {
  const year = current.year?.value;
  if (year === undefined) return [];
  const last = previous.year?.value ?? year - 1;
  if (last >= year) return [];
  return statedYears(current).statements
    .filter((s) => s.value === last)
    .map((s) => ({
      year: s.value, range: rangeIn(current, s.span), sentence: current.text.slice(s.sentence.start, s.sentence.end).trim(),
    }));
}
