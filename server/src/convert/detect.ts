/** Which converter a file needs, from its name and its first bytes. */
import { includesBytes, latin1, utf16leBytes } from './bytes';
import type { FailureReason, SourceFormat } from './types';

export type Detected = { readonly format: SourceFormat } | { readonly format: null; readonly reason: FailureReason };

/** Published-file extensions the checker converts. */
export const CONVERTED_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm'] as const;
/**
 * Binary office formats (Word 97–2003, WPS, spreadsheets, slides): a message to save as .docx or PDF; and OFD,
 * China's fixed-layout format (GB/T 33190), named as such: not read yet, export PDF.
 */
export const LEGACY_EXTENSIONS = ['.doc', '.wps', '.wpt', '.dot', '.rtf', '.et', '.xls', '.xlsx', '.ppt', '.pptx', '.dps', '.ofd'] as const;

export function extensionOf(path: string): string {
  const m = /\.[^./\\]+$/.exec(path);
  return m ? m[0].toLowerCase() : '';
}

/** Whether the CLI and the editor treat this path as a published file to convert (or to refuse clearly). */
export function isPublishedFile(path: string): boolean {
  const ext = extensionOf(path);
  return (CONVERTED_EXTENSIONS as readonly string[]).includes(ext) || (LEGACY_EXTENSIONS as readonly string[]).includes(ext);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const ENCRYPTED_PACKAGE = utf16leBytes('EncryptedPackage');

/** An OLE compound file holding `EncryptedPackage` is a password-protected Office document. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  return includesBytes(bytes.subarray(0, Math.min(bytes.length, 1 << 20)), ENCRYPTED_PACKAGE);
}

export function detect(path: string, bytes: Uint8Array): Detected {
  const ext = extensionOf(path);
  const ole = startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (ole) return { format: null, reason: isEncryptedOffice(bytes) ? 'encrypted' : 'legacy-format' };
  const head = latin1(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { format: 'pdf' };
  if (ext === '.pdf') return { format: null, reason: 'corrupt' };
  if (ext === '.docx') return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ? { format: 'docx' } : { format: null, reason: 'corrupt' };
  if (ext === '.html' || ext === '.htm') return { format: 'html' };
  if (ext === '.ofd') return { format: null, reason: 'ofd-format' };
  if ((LEGACY_EXTENSIONS as readonly string[]).includes(ext)) return { format: null, reason: 'legacy-format' };
  return { format: null, reason: 'unknown-format' };
}
