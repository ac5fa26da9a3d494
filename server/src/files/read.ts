/**
 * Reading report files whatever their encoding: UTF-8 with or without BOM, UTF-16 LE/BE with BOM,
 * and GBK/GB18030 when the bytes are not UTF-8 but decode cleanly as GB18030. Writing back keeps the encoding
 * and the BOM; the text itself (line endings included) is never touched here.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type * as IconvLite from 'iconv-lite';
import { MAX_REPORT_BYTES } from '../engine';
import { readsAsAnnualReport } from './identify';

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
  | { readonly kind: 'unknown-encoding' }
  /** Traditional Chinese in Big5: GB18030 would read it as other, wrong characters. */
  | { readonly kind: 'big5' };

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
  try {
    const text = iconv().decode(bytes, 'gb18030', { stripBOM: false });
    if (text.includes('\uFFFD')) return null;
    // C0 controls other than tab, line feed, form feed and carriage return are not in a text report.
    if (/[\u0001-\u0008\u000B\u000E-\u001F]/.test(text)) return null;
    return iconv().encode(text, 'gb18030').equals(bytes) ? text : null;
  } catch {
    // Past the longest string V8 can hold: not decodable here (a capped read never gets this far).
    return null;
  }
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
  if (looksLikeBig5(bytes, gb)) return { kind: 'big5' };
  return gb === null ? { kind: 'unknown-encoding' } : text(gb, 'gb18030', false);
}

/**
 * Characters that make up a large share of any Chinese report, simplified and traditional: real text is
 * dense in them whichever script it is written in, while Big5 bytes read as GBK (or GBK as Big5) give other,
 * rarer characters.
 */
const COMMON_HAN = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处府信息报告申请依办理复议诉讼' +
  '這為個國們時來說會發動過產種後學經現實點從業應開還關間樣與線內數問條結題黨設總長頭資邊級圖統較將組見計別論運農區決處報務請訴訟複議辦理據開資訊',
);

function commonShare(text: string): number {
  let han = 0;
  let common = 0;
  for (const c of text) {
    if (c < '\u4e00' || c > '\u9fff') continue;
    han++;
    if (COMMON_HAN.has(c)) common++;
  }
  return han < 20 ? 0 : common / han;
}

/** Big5 when its decoding is clean and much denser in common characters than the GB18030 one (or that failed). */
function looksLikeBig5(bytes: Buffer, gb: string | null): boolean {
  let big5: string;
  try {
    // The platform's decoder (ICU): the bundled iconv-lite carries the Chinese mainland tables only (esbuild.mjs).
    big5 = new TextDecoder('big5').decode(bytes.subarray(0, 64 * 1024));
  } catch {
    // A Node built without full ICU: no Big5 decoder, no Big5 detection.
    return false;
  }
  // A cut at 64 KB may split the last character.
  if (big5.slice(0, -1).includes('\uFFFD')) return false;
  const share = commonShare(big5);
  return share >= 0.2 && share > 2 * (gb === null ? 0 : commonShare(gb.slice(0, 32 * 1024)));
}

/**
 * The largest text file read, in bytes. A text's UTF-8 length is at least half its size in any encoding read
 * here (ASCII in UTF-16 is the worst case), so a file over twice the engine's cap is over that cap too and is
 * not read at all: one `report-too-large` finding, whatever its size.
 */
export const MAX_TEXT_FILE_BYTES = 2 * MAX_REPORT_BYTES;

/** Why a file cannot be opened for reading (as the user running the check); undefined when it can. */
export function openError(path: string): string | undefined {
  try {
    closeSync(openSync(path, 'r'));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

export type ReadBounded =
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  /** Over the cap: `size` is the file's size (for a pipe, the bytes read before stopping). */
  | { readonly kind: 'too-large'; readonly size: number };

/**
 * The bytes of a file (or of an open descriptor such as standard input), never more than `cap` of them: the
 * size is checked before reading, and a pipe or a growing file is read no further than `cap + 1` bytes.
 */
export function readBounded(file: string | number, cap = MAX_TEXT_FILE_BYTES): ReadBounded {
  const fd = typeof file === 'number' ? file : openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > cap) return { kind: 'too-large', size: stat.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, cap + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        // A non-blocking standard input with nothing yet: wait and read again.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(PAUSE, 0, 0, 10);
          continue;
        }
        throw error;
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > cap) return { kind: 'too-large', size: Math.max(total, stat.size) };
    }
    return { kind: 'bytes', bytes: Buffer.concat(chunks, total) };
  } finally {
    if (typeof file !== 'number') closeSync(fd);
  }
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

const SNIFF_BYTES = 16 * 1024;

/** The opening of a file, cut at a line end so that no multi-byte character is split. */
function readOpening(abs: string): Buffer {
  const fd = openSync(abs, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    if (n < SNIFF_BYTES) return buf.subarray(0, n);
    if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return buf.subarray(0, n - (n % 2));
    const eol = buf.lastIndexOf(0x0a);
    return buf.subarray(0, eol > 0 ? eol : n);
  } finally {
    closeSync(fd);
  }
}

/** Whether the opening lines read as an annual report: the one first look of files/identify.ts. */
export function looksLikeReport(abs: string): boolean {
  let decoded: Decoded;
  try {
    decoded = decode(readOpening(abs));
  } catch {
    return false;
  }
  return decoded.kind === 'text' && readsAsAnnualReport(decoded.text);
}
