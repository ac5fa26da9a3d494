/**
 * GB18030 (and so GBK and GB2312) bytes to text, for web pages that declare it or are not UTF-8. Node: iconv-lite.
 * The browser page (web/build.mjs) puts web/src/files/gb18030.ts in this module's place: the browser's own
 * TextDecoder('gb18030').
 */
import * as iconv from 'iconv-lite';

export function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}
