/** A file the worker could not finish (the time cap, a crash, too large to read): one finding, worded as the CLI words it. */
import { failureWords } from '../../../server/src/convert/failure';
import type { FailureReason } from '../../../server/src/convert';
import type { Locale } from '../../../server/src/messages';
import { fileOnly, type WebResult } from '../check/result';

export function failedResult(name: string, reason: FailureReason, detail: string, locale: Locale, capMs: number): WebResult {
  if (reason === 'timeout') return fileOnly(name, 'file-conversion', { key: 'file-conversion.timeout', args: { seconds: Math.round(capMs / 100) / 10 } }, locale);
  const { code, message } = failureWords({ kind: 'failed', format: null, reason, detail });
  return fileOnly(name, code, message, locale);
}
