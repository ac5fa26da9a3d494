/**
 * Totals and their parts in prose (docs/format.md, "Sums in prose"): "公开信息183条，其中部门动态87条、政务公开43条…".
 * The total is the last count before 其中 in the same sentence; the parts are the counts of the
 * pieces after 其中, one per piece and in the same unit, up to the end of the sentence or a piece
 * that starts something else (累计…, 均…). Anything unclear — two counts in a piece, an approximate
 * figure, a percentage, 分别, a nested 其中, another unit — drops the whole sum.
 */
import type { Report, Span } from '../model';
import { findCounts, type Count } from './numbers';
import { proseSentences, segments, type Sentence } from './sentences';

export interface SumPart {
  readonly count: Count;
  /** The words before the number in its piece (`部门动态`). */
  readonly label: string;
}

export interface StatedSum {
  readonly total: Count;
  readonly parts: readonly SumPart[];
  readonly sentence: Sentence;
  /** True when a part is a remainder (其他, 其余, 另): the parts then claim to cover the total. */
  readonly exhaustive: boolean;
}

/** A piece that starts one of these no longer lists parts of the total. */
const STOP = /^(?:累计|另外|此外|同时|同比|环比|较|比|占|均|全部|都|共|合计|总计|以上|上述|并|且|已|办结|答复)/;
const UNCLEAR = /分别|其中|%|百分之/;
const COMPARISON = /同比|环比|比上|较上|相比|增加|增长|减少|下降|上升|提高|降低|累计|平均/;

function readSum(report: Report, sentence: Sentence): StatedSum | null {
  const at = sentence.text.indexOf('其中');
  if (at < 0 || sentence.text.indexOf('其中', at + 2) >= 0) return null;
  const split = sentence.start + at;
  const headCounts = findCounts(report.folded, sentence.start, split);
  const total = headCounts[headCounts.length - 1];
  if (!total || total.approximate) return null;
  // The total must be the last thing stated before 其中 (only punctuation or 共/的 words between).
  const between = report.folded.slice(total.end, split);
  if (!/^[\s，,：:；;]*$/.test(between)) return null;
  const headPiece = segments({ start: sentence.start, end: split, text: report.folded.slice(sentence.start, split) }).pop();
  if (!headPiece || COMPARISON.test(headPiece.text)) return null;
  const rest = { start: split + 2, end: sentence.end, text: report.folded.slice(split + 2, sentence.end) };
  const parts: SumPart[] = [];
  let exhaustive = false;
  for (const piece of segments(rest, '，,；;、')) {
    const text = piece.text.trim();
    if (text === '') continue;
    if (parts.length > 0 && STOP.test(text)) break;
    const counts = findCounts(report.folded, piece.start, piece.end);
    if (counts.length === 0) {
      if (parts.length === 0 && /^[：:\s]*$/.test(text)) continue;
      break;
    }
    if (counts.length > 1 || counts[0].approximate || counts[0].unit !== total.unit) return null;
    const label = report.folded.slice(piece.start, counts[0].span.start).replace(/^[\s：:]+/, '').trim();
    const tail = report.folded.slice(counts[0].end, piece.end).trim();
    if (UNCLEAR.test(label) || UNCLEAR.test(tail) || COMPARISON.test(label) || tail.length > 0 && !/^[。！？!?)）]*$/.test(tail)) return null;
    if (/^(?:其他|其它|其余|另|剩余|余下)/.test(label)) exhaustive = true;
    parts.push({ count: counts[0], label });
  }
  if (parts.length < 2) return null;
  return { total, parts, sentence, exhaustive };
}

/** Every total with its parts in the report's prose. */
export function findSums(report: Report): StatedSum[] {
  const out: StatedSum[] = [];
  for (const sentence of proseSentences(report)) {
    const s = readSum(report, sentence);
    if (s) out.push(s);
  }
  return out;
}

/**
 * The parts' sum, and whether a reviewer would call it wrong: more than the total, or short of it when a remainder
 * part claims to complete it.
 */
export function sumMismatch(s: StatedSum): { sum: number; wrong: boolean } {
  const sum = s.parts.reduce((a, p) => a + p.count.value, 0);
  return { sum, wrong: sum > s.total.value || (s.exhaustive && sum !== s.total.value) };
}

export function partSpan(p: SumPart): Span {
  return p.count.span;
}
