/**
 * Published files (PDF, DOCX, HTML) in the CLI: converted in the capped converter process, checked as their
 * text; a file that cannot be converted gets one finding saying why. Findings keep their line and column in
 * the converted text and gain the place in the original file (`sourceAt`).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Range } from '../engine';
import { CONVERT_RESIDENT_MB, CONVERT_TIMEOUT_MS, MAX_FILE_BYTES, MAX_INFLATED_BYTES, MAX_PAGES } from '../convert/limits';
import { MAX_REPORT_BYTES } from '../engine';
import { convertFileSync } from '../convert/run';
import type { Conversion, ConversionFailed, Converted, SourceFormat, SourceLine, SourceLocation } from '../convert';
import type { Message } from '../messages';
import { FILE_CONVERSION, type CliCode } from './codes';

export { isPublishedFile } from '../convert/detect';

/** What the outputs know about a converted file. */
export interface ConvertedSource {
  readonly format: SourceFormat;
  readonly pages?: number;
  readonly lines: readonly SourceLine[];
}

/** The engine's rule of the same code, for a file too large to be opened at all: nothing of it is checked. */
export const REPORT_TOO_LARGE: CliCode = {
  code: 'report-too-large', defaultSeverity: 'error',
  description: { 'zh-CN': '文件过大，不做检查', en: 'File too large to check' },
};

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The finding for a file that gives no report text. */
export function failureFinding(f: ConversionFailed): { cli: CliCode; message: Message } {
  const detail = f.detail ?? '';
  switch (f.reason) {
    case 'too-large': {
      // `size` or `size/limit` (a cap of its own, as for web pages).
      const [size, limit] = detail.split('/').map(Number);
      return { cli: REPORT_TOO_LARGE, message: { key: 'report-too-large', args: { size: mb(size || 0), limit: mb(limit || MAX_FILE_BYTES) } } };
    }
    case 'scanned':
      return { cli: FILE_CONVERSION, message: { key: 'file-conversion.scanned', args: { pages: detail } } };
    case 'too-many-pages':
      return { cli: FILE_CONVERSION, message: { key: 'file-conversion.too-many-pages', args: { pages: detail, limit: MAX_PAGES } } };
    case 'inflated-too-large':
      return { cli: FILE_CONVERSION, message: { key: 'file-conversion.inflated-too-large', args: { limit: mb(MAX_INFLATED_BYTES) } } };
    case 'memory':
      return { cli: FILE_CONVERSION, message: { key: 'file-conversion.memory', args: { limit: Number(detail) || CONVERT_RESIDENT_MB } } };
    case 'garbage-text':
      return { cli: FILE_CONVERSION, message: { key: 'file-conversion.garbage-text', args: { pages: detail } } };
    case 'too-much-text':
      return { cli: FILE_CONVERSION, message: { key: 'file-conversion.too-much-text', args: { size: (Number(detail) / 1024 / 1024).toFixed(1), limit: (MAX_REPORT_BYTES / 1024 / 1024).toFixed(1) } } };
    case 'timeout':
      return { cli: FILE_CONVERSION, message: { key: 'file-conversion.timeout', args: { seconds: CONVERT_TIMEOUT_MS / 1000 } } };
    case 'corrupt': case 'page-too-large': case 'xml-hostile':
      return { cli: FILE_CONVERSION, message: { key: `file-conversion.${f.reason}`, args: { detail: detail || f.reason } } };
    case 'legacy-format': case 'ofd-format': case 'unknown-format': case 'encrypted': case 'no-report':
      return { cli: FILE_CONVERSION, message: { key: `file-conversion.${f.reason}` } };
  }
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

/** Where a position of the converted text came from: the table cell under it, else its line. */
export function sourceAt(source: ConvertedSource, range: Range): SourceLocation | undefined {
  const line = source.lines[range.start.line];
  if (!line) return undefined;
  const cell = line.cells?.find((c) => range.start.character >= c.start && range.start.character <= c.end && c.source.cell !== undefined);
  const found = cell?.source ?? line.source;
  return Object.keys(found).length > 0 ? found : undefined;
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
