/**
 * Look-alike code points in text that converters produce. PDF fonts (Chromium's, Word's) often map CJK
 * glyphs to Kangxi radicals (`⼀` U+2F00 for 一) or to compatibility ideographs; they look identical but are
 * different characters, so headings and labels would not be recognised. Folding them is safe only for
 * converter output: a typed report keeps every character as written.
 */

/** Kangxi radicals U+2F00–U+2FD5 → the unified ideographs they stand for (Unicode's own decomposition). */
function kangxi(cp: number): number | null {
  if (cp < 0x2f00 || cp > 0x2fd5) return null;
  const folded = String.fromCodePoint(cp).normalize('NFKC').codePointAt(0);
  return folded !== undefined && folded !== cp ? folded : null;
}

/** CJK Radicals Supplement: the simplified-form radicals that PDF fonts use for whole characters (⻚ for 页). */
const SUPPLEMENT: Readonly<Record<number, number>> = {
  0x2e9f: 0x6bcd, 0x2ea0: 0x6c11, 0x2eac: 0x793a,
  0x2ec4: 0x897f, 0x2ec5: 0x89c1, 0x2ec6: 0x89d2, 0x2ec9: 0x8d1d, 0x2ecb: 0x8f66, 0x2ed3: 0x957f, 0x2ed4: 0x95e8,
  0x2ed9: 0x97e6, 0x2eda: 0x9875, 0x2edb: 0x98ce, 0x2edc: 0x98de, 0x2edd: 0x98df, 0x2ee2: 0x9a6c, 0x2ee5: 0x9c7c,
  0x2ee6: 0x9e1f, 0x2ee8: 0x9ea6, 0x2ee9: 0x9ec4, 0x2eec: 0x9f50, 0x2eee: 0x9f7f, 0x2ef0: 0x9f99, 0x2ef3: 0x9f9f,
};

/** CJK compatibility ideographs U+F900–U+FAFF and U+2F800–U+2FA1F fold to their canonical twins. */
function compatibility(cp: number): number | null {
  if (!((cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f))) return null;
  const folded = String.fromCodePoint(cp).normalize('NFC').codePointAt(0);
  return folded !== undefined && folded !== cp ? folded : null;
}

export function foldLookAlikes(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const folded = kangxi(cp) ?? SUPPLEMENT[cp] ?? compatibility(cp);
    out += folded === null ? ch : String.fromCodePoint(folded);
  }
  return out;
}
