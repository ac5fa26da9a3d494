/**
 * The editor's 「作为年报检查」 and the converted view: the server converts a published file through the shared
 * ConversionCache (the capped converter process the CLI uses, one at a time, cached by content) and answers with
 * its text, or with the message of the one finding the CLI would give. Whether the text holds a report is the one
 * content test (files/identify.ts) on the caller's side: the converter does not parse.
 */
import { fileURLToPath } from 'node:url';
import { parseReport } from '../engine';
import type { ConversionCache } from '../files/conversion-cache';
import { failureFinding } from '../files/converted';
import { isReport } from '../files/identify';
import { format, localeOf } from '../messages';
import type { ConvertParams, ConvertResult } from '../protocol';

export async function convertForEditor(params: ConvertParams, conversions: ConversionCache): Promise<ConvertResult> {
  const locale = localeOf(params.locale);
  if (typeof params?.uri !== 'string' || !params.uri.startsWith('file:')) {
    return { kind: 'failed', code: 'file-unreadable', message: format({ key: 'file-unreadable', args: { error: String(params?.uri) } }, locale) };
  }
  const result = (await conversions.convert(fileURLToPath(params.uri))) ?? { kind: 'failed', format: null, reason: 'timeout' };
  const conversion = result.kind === 'converted' && !isReport(parseReport(result.text)) ? { kind: 'failed' as const, format: result.format, reason: 'no-report' as const } : result;
  if (conversion.kind === 'converted') {
    return { kind: 'converted', text: conversion.text, format: conversion.format, ...(conversion.pages !== undefined ? { pages: conversion.pages } : {}) };
  }
  const { cli, message } = failureFinding(conversion);
  return { kind: 'failed', code: cli.code, message: format(message, locale) };
}
