/**
 * Published files (PDF, DOCX, HTML) in the CLI: converted in the capped converter process, checked as their
 * text; a file that cannot be converted gets one finding saying why. Findings keep their line and column in
 * the converted text and gain the place in the original file (`sourceAt`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { failureWords } from '../convert/failure';
import { convertFileSync } from '../convert/run';
import type { Conversion, ConversionFailed } from '../convert';
import type { Message } from '../messages';
import { FILE_CONVERSION, type CliCode } from './codes';

export { isPublishedFile } from '../convert/detect';
export { sourceAt, type ConvertedSource } from '../convert/source';

const REPORT_TOO_LARGE: CliCode = {
  code: 'report-too-large', defaultSeverity: 'warning',
  description: { 'zh-CN': '文件过大，不做检查', en: 'File too large to check' },
};

/** The finding for a file that gives no report text. */
export function failureFinding(f: ConversionFailed): { cli: CliCode; message: Message } {
  const { code, message } = failureWords(f);
  return { cli: code === 'report-too-large' ? REPORT_TOO_LARGE : FILE_CONVERSION, message };
}

export function convertForCli(abs: string): Conversion {
  return convertFileSync(abs, { script: join(__dirname, 'convert.mjs') });
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
