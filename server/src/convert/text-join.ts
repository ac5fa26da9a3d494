/** Joining pieces of one cell or one wrapped paragraph: no space between CJK characters, one between words. */

const CJK_OR_PUNCT = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

export function joinPieces(pieces: readonly string[]): string {
  let out = '';
  for (const raw of pieces) {
    const piece = raw.trim();
    if (piece === '') continue;
    if (out === '') {
      out = piece;
      continue;
    }
    const last = out[out.length - 1];
    const first = piece[0];
    out += CJK_OR_PUNCT.test(last) || CJK_OR_PUNCT.test(first) ? piece : ' ' + piece;
  }
  return out;
}
