/**
 * The size cap. Real reports are 5–50 KB; the benchmark (`npm run bench`) measured a full check
 * at 0.1–0.5 s per MB and more than 2 s on 5 MB, during which the language server answers nothing. Above
 * the cap the engine should not parse: it gives one finding saying the file is too large, nothing else.
 *
 * The cap is in UTF-8 bytes, the size the user sees for the file: 2 MiB, forty times the largest real report,
 * so a 1 MB text is still checked in full. `parseReport` answers `content: 'too-large'` above it and the rule
 * `report-too-large` reports it once.
 */

/** The largest text checked, in UTF-8 bytes. */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

/**
 * The `size` and `limit` of a message saying a text of `bytes` is over the cap, in MB with one decimal: the same
 * words from the engine's rule, the CLI, the workspace check and the converter.
 */
export function overCapArgs(bytes: number): { readonly size: string; readonly limit: string } {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return { size: mb(bytes), limit: mb(MAX_REPORT_BYTES) };
}

/**
 * UTF-8 length of `text`, counting no further than just past `stopAbove` (a 5 MB text costs no more
 * than a 1 MB one). A lone surrogate counts 3 bytes, as `TextEncoder` writes U+FFFD for it.
 */
export function utf8Length(text: string, stopAbove = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** True when the text is over the cap. A UTF-16 unit is at least one UTF-8 byte and at most three. */
export function exceedsSizeLimit(text: string, maxBytes = MAX_REPORT_BYTES): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return utf8Length(text, maxBytes) > maxBytes;
}
