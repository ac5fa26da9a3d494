/**
 * The editor's 「作为年报检查」: the server converts a published file in the capped converter process (the same
 * one the CLI uses) and answers with its text, or with the message of the one finding the CLI would give.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failureFinding } from '../files/converted';
import { convertFile } from '../convert/run';
import { format, localeOf } from '../messages';
import type { ConvertParams, ConvertResult } from '../protocol';

export async function convertForEditor(params: ConvertParams): Promise<ConvertResult> {
  const locale = localeOf(params.locale);
  if (typeof params?.uri !== 'string' || !params.uri.startsWith('file:')) {
    return { kind: 'failed', code: 'file-unreadable', message: format({ key: 'file-unreadable', args: { error: String(params?.uri) } }, locale) };
  }
  const result = await convertFile(fileURLToPath(params.uri), { script: join(__dirname, 'convert.mjs') });
  if (result.kind === 'converted') {
    return { kind: 'converted', text: result.text, format: result.format, ...(result.pages !== undefined ? { pages: result.pages } : {}) };
  }
  const { cli, message } = failureFinding(result);
  return { kind: 'failed', code: cli.code, message: format(message, locale) };
}
