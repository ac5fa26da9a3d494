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

/** CJK Radicals Supplement entries with a plain ideograph twin (the common ones in PDF fonts). */
const SUPPLEMENT: Readonly<Record<number, number>> = {
  0x2e8c: 0x5c0f, 0x2e8d: 0x5c0f, 0x2e95: 0x5f50, 0x2e9f: 0x6bcd, 0x2ea0: 0x6c11, 0x2eac: 0x793a,
  0x2ead: 0x793a, 0x2eb6: 0x7f8a, 0x2ec5: 0x89c1, 0x2ecf: 0x961d, 0x2ed6: 0x961d, 0x2ee0: 0x98df,
  0x2ee2: 0x9a6c, 0x2ee3: 0x9aa8, 0x2ee4: 0x9b3c, 0x2ee5: 0x9c7c, 0x2eea: 0x9e1f, 0x2ef3: 0x9f9f,
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
