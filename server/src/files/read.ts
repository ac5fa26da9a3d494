/**
 * Reading report files whatever their encoding: UTF-8 with or without BOM, UTF-16 LE/BE with BOM,
 * and GBK/GB18030 when the bytes are not UTF-8 but decode cleanly as GB18030. Writing back keeps the encoding
 * and the BOM; the text itself (line endings included) is never touched here.
 */
import type * as IconvLite from 'iconv-lite';

/**
 * iconv-lite (half a megabyte of code tables) is loaded when a file is not UTF-8 or UTF-16, not at
 * start-up: most reports are UTF-8. The bundles share it in dist/iconv.js (esbuild.mjs).
 */
let iconvLite: typeof IconvLite | undefined;
function iconv(): typeof IconvLite {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use
  iconvLite ??= require('iconv-lite') as typeof IconvLite;
  return iconvLite;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  | { readonly kind: 'text'; readonly text: string; readonly encoding: Encoding; readonly bom: boolean }
  /** NUL bytes without a UTF-16 BOM: an image, a PDF, a Word file… */
  | { readonly kind: 'binary' }
  /** Not UTF-8, not GB18030, or a UTF-16 BOM followed by broken UTF-16. */
  | { readonly kind: 'unknown-encoding' };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

function decodeStrict(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be'): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** GB18030 decodes almost any byte soup; accept it only when the text encodes back to the very same bytes. */
function decodeGb18030(bytes: Buffer): string | null {
  const text = iconv().decode(bytes, 'gb18030', { stripBOM: false });
  if (text.includes('\uFFFD')) return null;
  // C0 controls other than tab, line feed, form feed and carriage return are not in a text report.
  if (/[\u0001-\u0008\u000B\u000E-\u001F]/.test(text)) return null;
  return iconv().encode(text, 'gb18030').equals(bytes) ? text : null;
}

function text(value: string, encoding: Encoding, bom: boolean): Decoded {
  return { kind: 'text', text: value, encoding, bom };
}

export function decode(bytes: Buffer): Decoded {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) {
    const t = decodeStrict(bytes.subarray(3), 'utf-8');
    return t === null ? { kind: 'unknown-encoding' } : text(t, 'utf-8', true);
  }
  for (const [bom, label] of [[UTF16LE_BOM, 'utf-16le'], [UTF16BE_BOM, 'utf-16be']] as const) {
    if (!bytes.subarray(0, 2).equals(bom)) continue;
    const body = bytes.subarray(2);
    const t = body.length % 2 === 0 ? decodeStrict(body, label) : null;
    return t === null ? { kind: 'unknown-encoding' } : text(t, label, true);
  }
  if (bytes.includes(0)) return { kind: 'binary' };
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return text(utf8, 'utf-8', false);
  const gb = decodeGb18030(bytes);
  return gb === null ? { kind: 'unknown-encoding' } : text(gb, 'gb18030', false);
}

/** The bytes of a text in an encoding, with its BOM when the original had one. */
export function encode(value: string, encoding: Encoding, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.concat([bom ? UTF8_BOM : Buffer.alloc(0), Buffer.from(value, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([bom ? UTF16LE_BOM : Buffer.alloc(0), Buffer.from(value, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([bom ? UTF16BE_BOM : Buffer.alloc(0), iconv().encode(value, 'utf-16be', { addBOM: false })]);
    case 'gb18030':
      return iconv().encode(value, 'gb18030', { addBOM: false });
  }
}

/** How the encoding is shown to people: GB18030 is the superset that reads GBK. */
export function encodingLabel(encoding: Encoding, bom: boolean): string {
  const name = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GBK/GB18030' }[encoding];
  return bom && encoding === 'utf-8' ? `${name} BOM` : name;
}
