/**
 * GB18030 (GBK, GB2312) bytes to text in the browser: its own TextDecoder, which every browser has (WHATWG
 * Encoding). The web build puts this module in the place of server/src/convert/gb18030.ts (iconv-lite, Node).
 */
export function decodeGb18030(bytes: Uint8Array): string {
  return new TextDecoder('gb18030').decode(bytes);
}
