/**
 * Counts stated in prose: a number followed by a counting unit (`183 条`, `五件`, `1起`),
 * read on the folded text so that full-width digits are ASCII; offsets are those of the original.
 * Approximate counts (`十余件`, `20多条`, `约10件`, `10件左右`) are marked and never compared.
 */
import type { Span } from '../model';
import { parseNumeral } from '../text/numerals';

/** Units that count applications, cases, documents or published items (docs/format.md, "Prose against tables"). */
export const COUNT_UNITS = '件条次宗起个';

const CN_DIGITS = '零〇一二两三四五六七八九';
const CN_UNITS = '十百千万亿';
const CN_CHARS = CN_DIGITS + CN_UNITS;

export interface Count {
  readonly value: number;
  /** `十余`, `20多`, `约10`, `10件左右`: a rough figure, never compared with a cell. */
  readonly approximate: boolean;
  /** The numeral only (digits or Chinese numeral), exact on the original text. */
  readonly span: Span;
  readonly unit: string;
  /** Just past the unit (and past a trailing `左右` and the like). */
  readonly end: number;
}

/**
 * Value of a Chinese numeral written as reports write counts: 零, 十, 十五, 两百, 一百零八, 两万,
 * 三万四千, 一万零五; also digit by digit (二〇二一, three digits or more). Null for malformed runs
 * (一一, 十十, 万) and for anything that is not a whole numeral. Built on parseNumeral, which accepts
 * some malformed runs.
 */
export function parseChineseCount(text: string): number | null {
  if (text.length === 0) return null;
  for (const ch of text) if (!CN_CHARS.includes(ch)) return null;
  // Digit by digit (years such as 二〇二一): only digits, at least two of them.
  if (text.length > 2 && [...text].every((ch) => CN_DIGITS.includes(ch))) {
    if (text.includes('两')) return null;
    return Number([...text].map((ch) => String(ch === '〇' ? 0 : parseNumeral(ch))).join(''));
  }
  // Positional form: a digit is followed by a unit, by 零, or ends the numeral; units decrease
  // within a 万 section; 零 stands only between a unit and a digit.
  let prevDigit = false;
  let lastSmall = Infinity;
  const small: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (CN_DIGITS.includes(ch)) {
      if (ch === '零' || ch === '〇') {
        if (i === 0 ? text.length > 1 : false) return null;
        if (i > 0 && prevDigit) return null;
        prevDigit = false;
        continue;
      }
      if (prevDigit) return null;
      prevDigit = true;
    } else if (ch in small) {
      // 十 may open a numeral (十五); 百 and 千 need their digit (一百, 两千).
      if (small[ch] >= lastSmall || (ch !== '十' && !prevDigit)) return null;
      lastSmall = small[ch];
      prevDigit = false;
    } else {
      // 万 / 亿 close a section.
      if (i === 0) return null;
      lastSmall = Infinity;
      prevDigit = false;
    }
  }
  return parseNumeral(text);
}

/** Value of a number as written in prose: ASCII digits (thousands commas allowed) or a Chinese numeral. */
export function parseCountValue(text: string): number | null {
  if (/^\d{1,3}(?:,\d{3})+$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d+$/.test(text)) return Number(text);
  return parseChineseCount(text);
}

const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+/g;
const APPROX_BEFORE = /(?:约|近|逾|超过|超|大约|将近|多达|近乎)$/;
/** 数十件, 几百条, 上千条: only before a Chinese numeral that starts with a unit. */
const APPROX_BEFORE_UNIT = /(?:数|几|上)$/;
const APPROX_AFTER_UNIT = /^(?:左右|以上|以下|上下|许|余|多)/;

/** Unit characters that, after a number, start an ordinary word instead (`条例`, `个人`, `次年`, `起诉`). */
const NOT_A_UNIT: Record<string, RegExp> = {
  条: /^条(?:例|款|规|线|件|理)/,
  个: /^个(?:人|体|别|性|案)/,
  次: /^次(?:年|日|月|性|要|序)/,
  起: /^起(?:诉|草|点|始|来|到|止|步|见)/,
  件: /^件(?:事)/,
};

/**
 * What every count needs (see `findCounts`): a digit or Chinese numeral, at most one of 余多几来, blanks, then a
 * unit. A text without it holds no count, so the careful reading can be skipped.
 */
const COUNT_SHAPE = new RegExp(`[\\d${CN_DIGITS}${CN_UNITS}][余多几来]?[ \\t]*[${COUNT_UNITS}]`);

export function mayHoldCount(text: string): boolean {
  return COUNT_SHAPE.test(text);
}

/**
 * Every count in `text[from, to)`. `text` is the folded text of the report, so the offsets of the
 * results are offsets into the original text.
 */
export function findCounts(text: string, from: number, to: number): Count[] {
  const out: Count[] = [];
  const slice = text.slice(from, to);
  // One global expression for every call: reset, and read to the end before returning (no call nests in the loop).
  const re = NUMBER;
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const raw = m[0];
    const start = from + m.index;
    const end = start + raw.length;
    const before = text.slice(Math.max(0, start - 4), start);
    const prev = before.slice(-1);
    // Part of a longer token, an ordinal (第三条), a decimal or a negative number: not a count.
    if (/[\d.A-Za-z]/.test(prev) || prev === '第' || raw.includes('.')) continue;
    let i = end;
    let approximate = APPROX_BEFORE.test(before) || (/^[十百千万]/.test(raw) && APPROX_BEFORE_UNIT.test(before));
    // 十余件, 20多条, 十几个, 三十来件.
    if (/^[余多几来]/.test(text.slice(i, i + 1))) {
      approximate = true;
      i++;
    }
    while (i < to && (text[i] === ' ' || text[i] === '\t')) i++;
    const unit = text[i];
    if (i >= to || !unit || !COUNT_UNITS.includes(unit)) continue;
    const rest = text.slice(i, Math.min(to, i + 3));
    if (NOT_A_UNIT[unit]?.test(rest)) continue;
    const chinese = !/^\d/.test(raw);
    // 一起 (together), 一个 (a), 一次 (once), 一条 (one line of work), 零件 (spare parts): words, not counts.
    if (chinese && (raw === '一' && '起个次条'.includes(unit) || raw === '零' && unit === '件')) continue;
    const value = parseCountValue(raw);
    if (value === null) continue;
    let after = i + 1;
    if (text.slice(i, i + 2) === '件次') after++;
    const tail = text.slice(after, Math.min(to, after + 2));
    if (APPROX_AFTER_UNIT.test(tail)) approximate = true;
    out.push({ value, approximate, span: { start, end }, unit, end: after });
    re.lastIndex = after - from;
  }
  return out;
}
