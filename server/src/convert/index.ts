/**
 * Converting a published file (PDF, DOCX, HTML) to report text with a source map. Outside the pure engine:
 * the CLI and the language server run it in a child process with a time and memory cap (run.ts); the engine
 * only ever sees the text. Whether the text holds a report is the caller's one parse (files/identify.ts), not
 * a second parse here.
 */
import { MAX_REPORT_BYTES } from '../engine';
import { detect } from './detect';
import { convertDocx } from './docx';
import { convertHtml } from './html';
import { convertPdf, isGarbled } from './pdf';
import { MAX_FILE_BYTES } from './limits';
import { ConversionError, type Conversion, type Converted } from './types';

export type { Conversion, Converted, ConversionFailed, FailureReason, SourceLine, SourceLocation, SourceCell, SourceFormat, Box } from './types';

export async function convert(path: string, bytes: Uint8Array): Promise<Conversion> {
  const detected = detect(path, bytes);
  if (detected.format === null) {
    return { kind: 'failed', format: null, reason: detected.reason, ...(detected.reason === 'corrupt' ? { detail: 'the content does not match the extension' } : {}) };
  }
  const format = detected.format;
  if (bytes.length > MAX_FILE_BYTES) return { kind: 'failed', format, reason: 'too-large', detail: String(bytes.length) };
  let converted: Converted;
  try {
    switch (format) {
      case 'pdf':
        converted = await convertPdf(bytes);
        break;
      case 'docx':
        converted = convertDocx(bytes);
        break;
      case 'html':
        converted = convertHtml(bytes);
        break;
    }
  } catch (error) {
    if (error instanceof ConversionError) return { kind: 'failed', format, reason: error.reason, detail: error.message };
    if (error instanceof RangeError) return { kind: 'failed', format, reason: 'xml-hostile', detail: error.message };
    return { kind: 'failed', format, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
  // Say what the file holds rather than only that it holds no report (whether it holds one is the caller's parse).
  const textBytes = Buffer.byteLength(converted.text, 'utf8');
  if (textBytes > MAX_REPORT_BYTES) return { kind: 'failed', format, reason: 'too-much-text', detail: String(textBytes) };
  if (format === 'pdf' && isGarbled(converted.text)) return { kind: 'failed', format, reason: 'garbage-text', detail: String(converted.pages ?? '') };
  return converted;
}
