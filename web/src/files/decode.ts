/**
 * A text report's bytes to text in the browser, as the CLI reads them (server/src/files/read.ts): UTF-8 with or
 * without BOM, UTF-16 LE/BE with BOM, else GBK/GB18030 when the bytes decode cleanly as GB18030. The browser
 * has no GB18030 encoder, so "cleanly" is the strict (fatal) decoder plus no stray control characters.
 * This is the browser's file adapter, beside the Node one (server/src/files/read.ts).
 */
export type Decoded =
  | { readonly kind: 'text'; readonly text: string; readonly encoding: string }
  | { readonly kind: 'binary' }
  | { readonly kind: 'unknown-encoding' };

function strict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const starts = (bytes: Uint8Array, ...head: number[]) => head.every((b, i) => bytes[i] === b);

export function decodeText(bytes: Uint8Array): Decoded {
  if (starts(bytes, 0xef, 0xbb, 0xbf)) {
    const t = strict(bytes.subarray(3), 'utf-8');
    return t === null ? { kind: 'unknown-encoding' } : { kind: 'text', text: t, encoding: 'UTF-8 BOM' };
  }
  for (const [b0, b1, label, name] of [[0xff, 0xfe, 'utf-16le', 'UTF-16LE'], [0xfe, 0xff, 'utf-16be', 'UTF-16BE']] as const) {
    if (!starts(bytes, b0, b1)) continue;
    const body = bytes.subarray(2);
    const t = body.length % 2 === 0 ? strict(body, label) : null;
    return t === null ? { kind: 'unknown-encoding' } : { kind: 'text', text: t, encoding: name };
  }
  if (bytes.includes(0)) return { kind: 'binary' };
  const utf8 = strict(bytes, 'utf-8');
  if (utf8 !== null) return { kind: 'text', text: utf8, encoding: 'UTF-8' };
  const gb = strict(bytes, 'gb18030');
  // C0 controls other than tab, line feed, form feed and carriage return are not in a text report.
  if (gb === null || gb.includes('\uFFFD') || /[\u0001-\u0008\u000B\u000E-\u001F]/.test(gb)) return { kind: 'unknown-encoding' };
  return { kind: 'text', text: gb, encoding: 'GBK/GB18030' };
}
