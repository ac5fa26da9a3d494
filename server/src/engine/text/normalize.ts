/**
 * One-to-one normalisation: every UTF-16 unit of the original text maps to exactly one unit of the
 * folded text, so an offset into the folded text is an offset into the original. We never apply NFKC
 * to the whole string (`㈠` would become three units); we fold only what changes no length.
 */
import { BoundedMemo } from './memo';

const DASHES = new Set([0x2212, 0x2013, 0x2014, 0x2015, 0xfe63, 0x2e3a]);

/**
 * Look-alike ideographs that PDF fonts map common characters to: Kangxi radicals (`⼀` U+2F00 for 一,
 * `⾏` U+2F8F for 行), CJK radicals supplement and CJK compatibility ideographs. Each folds to the unified
 * ideograph NFKC gives it, and only when that is one UTF-16 unit, so the fold stays one-to-one.
 */
const LOOKALIKE_RANGES: readonly (readonly [number, number])[] = [[0x2e80, 0x2fdf], [0xf900, 0xfaff]];
const LOOKALIKES: ReadonlyMap<number, number> = (() => {
  const m = new Map<number, number>();
  for (const [from, to] of LOOKALIKE_RANGES) {
    for (let c = from; c <= to; c++) {
      const folded = String.fromCharCode(c).normalize('NFKC');
      if (folded.length === 1 && folded.charCodeAt(0) !== c) m.set(c, folded.charCodeAt(0));
    }
  }
  return m;
})();

/** The unit `c` folds to, or -1 when it stays. */
function foldedUnit(c: number): number {
  // Most units are ASCII or ideographs: a comparison or two settles them (nothing from U+3001 to U+F8FF folds).
  if (c < 0x2002) return c === 0x00a0 ? 0x20 : -1;
  if (c >= 0x3001 && c <= 0xf8ff) return -1;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000 || c === 0xfeff || c === 0x2002 || c === 0x2003) return 0x20;
  if (DASHES.has(c)) return 0x2d;
  if (c >= 0x2e80 && c <= 0xfaff && (c <= 0x2fdf || c >= 0xf900)) return LOOKALIKES.get(c) ?? -1;
  return -1;
}

/** Node's Buffer when there is one: it decodes UTF-16 units as they are (lone surrogates kept), many times faster. */
const NODE_BUFFER = (globalThis as { Buffer?: typeof Buffer }).Buffer;

/** Units turned back into a string, unit for unit (`nodeBuffer`: the decoder to use, none outside Node). */
export function fromUnits(units: Uint16Array, nodeBuffer: typeof Buffer | null = NODE_BUFFER ?? null): string {
  if (nodeBuffer) return nodeBuffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
  const CHUNK = 8192;
  let out = '';
  // `apply` takes any array-like at run time, a typed array fastest of all; TypeScript's signature wants a number[].
  for (let i = 0; i < units.length; i += CHUNK) out += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
  return out;
}

/**
 * Fold full-width ASCII to half-width, ideographic and no-break spaces and the BOM to spaces, dashes to '-',
 * look-alike radicals and compatibility ideographs to the ideographs they stand for. The text is copied unit
 * by unit into an array from the first unit that folds (full-width punctuation is everywhere in a report, so
 * joining unchanged runs would make a string piece per mark); a text with nothing to fold is returned as is.
 */
export function foldText(text: string): string {
  const n = text.length;
  let units: Uint16Array | null = null;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const r = foldedUnit(c);
    if (units) units[i] = r >= 0 ? r : c;
    else if (r >= 0) {
      units = new Uint16Array(n);
      for (let j = 0; j < i; j++) units[j] = text.charCodeAt(j);
      units[i] = r;
    }
  }
  return units ? fromUnits(units) : text;
}

/**
 * The key of a label: folded text without whitespace, punctuation or markdown marks, for comparing
 * labels that differ in spacing, bracket width and punctuation. Letters and digits of any script stay.
 */
export function labelKey(s: string): string {
  // Labels, header words and numbers repeat in every report: remember recent keys (bounded).
  const known = KEYS.get(s);
  if (known !== undefined) return known;
  const key = keyOf(s);
  if (s.length <= 200) KEYS.set(s, key);
  return key;
}

const KEYS = new BoundedMemo<string>(20000);

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Code points outside ASCII and the CJK block, each classed once by the expression. */
const KEPT = new Map<number, boolean>();

/** A letter or a number (\p{L}, \p{N}): ASCII and CJK ideographs by range, the rest looked up. */
function isKept(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  let kept = KEPT.get(cp);
  if (kept === undefined) {
    kept = LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
    KEPT.set(cp, kept);
  }
  return kept;
}

/** `s` without what is not a letter or a number: `s.replace(/[^\p{L}\p{N}]+/gu, '')`, by code point, without the expression. */
function keyOf(s: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    if (!isKept(cp)) {
      out += s.slice(run, i);
      run = i + size;
    }
    i += size;
  }
  return run === 0 ? s : out + s.slice(run);
}

/** True for white space, including the folded forms. */
export function isBlankText(s: string): boolean {
  return /^\s*$/.test(s);
}
