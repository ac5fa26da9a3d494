/**
 * Published files (PDF, DOCX, HTML) in the CLI: converted in the capped converter process, checked as their
 * text; a file that cannot be converted gets one finding saying why. Findings keep their line and column in
 * the converted text and gain the place in the original file (`sourceAt`).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { failureWords } from '../convert/failure';
import { convertFileSync } from '../convert/run';
import type { ConvertedSource } from '../convert/source';
import type { Conversion, ConversionFailed, Converted } from '../convert';
import type { Message } from '../messages';
import { FILE_CONVERSION, type CliCode } from './codes';

export { isPublishedFile } from '../convert/detect';

export { sourceAt, type ConvertedSource } from '../convert/source';

/** The engine's rule of the same code, for a file too large to be opened at all: nothing of it is checked. */
export const REPORT_TOO_LARGE: CliCode = {
  code: 'report-too-large', defaultSeverity: 'error',
  description: { 'zh-CN': '文件过大，不做检查', en: 'File too large to check' },
};

/** The finding for a file that gives no report text (its words shared with the page: convert/failure.ts). */
export function failureFinding(f: ConversionFailed): { cli: CliCode; message: Message } {
  const { code, message } = failureWords(f);
  return { cli: code === 'report-too-large' ? REPORT_TOO_LARGE : FILE_CONVERSION, message };
}

/** Conversions kept for a second use in this process (the pairing reads a file, then it is checked). */
const MEMO_SIZE = 128;
const memo = new Map<string, Conversion>();
/** Conversions already taken by their check, kept as text and source map: last year's report of a later file. */
const texts = new Map<string, { readonly text: string; readonly source: ConvertedSource }>();

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.set(key, value);
  if (map.size > MEMO_SIZE) map.delete(map.keys().next().value as string);
}

/** What the outputs keep of a conversion: format, pages and where each line came from. */
export function convertedSourceOf(c: Converted): ConvertedSource {
  return { format: c.format, lines: c.lines, ...(c.pages !== undefined ? { pages: c.pages } : {}) };
}

/** The converted text of a published file and its source map, from this process's conversions when made already. */
export function convertedText(abs: string): { readonly text: string; readonly source: ConvertedSource } | undefined {
  const stamp = stampOf(abs);
  const known = stamp !== undefined ? texts.get(stamp) : undefined;
  if (known !== undefined) return known;
  const conversion = convertForCli(abs, 'keep');
  return conversion.kind === 'converted' ? { text: conversion.text, source: convertedSourceOf(conversion) } : undefined;
}

function stampOf(abs: string): string | undefined {
  try {
    const st = statSync(abs);
    return `${abs}\u0000${st.mtimeMs}\u0000${st.size}`;
  } catch {
    return undefined;
  }
}

/**
 * A published file converted once per content in this process: the pairing (body and year) and the check read
 * the same conversion. `take` forgets it after this use (the check is the last one).
 */
export function convertForCli(abs: string, use: 'keep' | 'take' = 'take'): Conversion {
  const stamp = stampOf(abs);
  const hit = stamp !== undefined ? memo.get(stamp) : undefined;
  const conversion = hit ?? convertFileSync(abs, { script: join(__dirname, 'convert.mjs') });
  if (stamp !== undefined && conversion.kind === 'converted') {
    memo.delete(stamp);
    if (use === 'keep') remember(memo, stamp, conversion);
    else remember(texts, stamp, { text: conversion.text, source: convertedSourceOf(conversion) });
  }
  return conversion;
}

/**
 * `--emit-text DIR`: the converted text as `<name>.txt` (`报告.pdf` → `报告.pdf.txt`, so the PDF and the DOCX of one
 * report do not overwrite each other). Returns the path written.
 */
export function emitText(dir: string, abs: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${basename(abs)}.txt`);
  writeFileSync(out, text.endsWith('\n') ? text : text + '\n', 'utf8');
  return out;
}
