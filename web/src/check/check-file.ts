/**
 * One file through the page, as the CLI checks it (server/src/cli/check-file.ts) with its default settings:
 * a published file (PDF, DOCX, HTML) converted by the converters' cores, a text file decoded; checked by the
 * engine's door; the tables as preview grids; for a text report the safely fixed text. Pure: runs in the page's
 * Web Worker and, for the tests, in Node.
 */
import {
  check, fixUntilStable, positionAt, reportValues, tableGrids,
  type CheckResult, type Line, type Span,
} from '../../../server/src/engine';
import { convert } from '../../../server/src/convert';
import { isPublishedFile } from '../../../server/src/convert/detect';
import { failureWords } from '../../../server/src/convert/failure';
import { MAX_FILE_BYTES } from '../../../server/src/convert/limits';
import { sourceAt, type ConvertedSource } from '../../../server/src/convert/source';
import { format, type Locale, type MessageKey } from '../../../server/src/messages';
import type { PreviewTable, TextRange } from '../../../server/src/protocol';
import { decodeText } from '../files/decode';
import { fileOnly, type FileKind, type WebFinding, type WebResult } from './result';

function previewTables(r: CheckResult, locale: Locale): PreviewTable[] {
  const lines: readonly Line[] = r.report.lines;
  const range = (span: Span | null): TextRange | null => (span
    ? { start: positionAt(lines, span.start), end: positionAt(lines, span.end) }
    : null);
  return tableGrids(r.report).map((t) => ({
    id: t.id, name: t.name, version: t.version, columns: t.columns,
    ...(t.layout ? {
      readAs: format({ key: t.readable ? 'preview.readAs' : 'preview.unreadable', args: { layout: { key: `layout.${t.layout}` as MessageKey } } }, locale),
      readable: t.readable,
    } : {}),
    rows: t.rows.map((row) => ({
      id: row.id, label: row.label, labelRange: range(row.labelSpan),
      cells: row.cells.map((c) => ({ text: c.text, range: range(c.span), mark: c.mark, expected: c.expected, kind: c.kind })),
    })),
  }));
}

interface Extra {
  readonly encoding: string | null;
  readonly converted?: ConvertedSource;
}

function checked(name: string, kind: FileKind, text: string, locale: Locale, extra: Extra): WebResult {
  const r = check(text, { locale });
  const { report } = r;
  const findings: WebFinding[] = r.findings.map((f) => {
    const source = extra.converted ? sourceAt(extra.converted, f.range) : undefined;
    return {
      code: f.code, severity: f.severity, message: f.message, range: f.range, fixable: f.fix !== undefined, ...(source ? { source } : {}),
    };
  });
  const isText = report.content === 'text';
  const fixed = kind === 'text' && findings.some((f) => f.fixable) ? fixUntilStable(text, (t) => check(t, { locale })) : undefined;
  return {
    name, kind, text, encoding: extra.encoding,
    status: isText && (report.sections.length > 0 || Object.keys(report.tables).length > 0) ? 'report' : 'not-report',
    version: isText ? report.version.used : null,
    values: reportValues(report),
    findings,
    tables: previewTables(r, locale),
    ...(fixed && fixed.applied > 0 ? { fixed: { text: fixed.text, applied: fixed.applied } } : {}),
    ...(extra.converted?.pages !== undefined ? { pages: extra.converted.pages } : {}),
  };
}

/** Check one file's bytes (a chosen or dropped file). */
export async function checkBytes(name: string, bytes: Uint8Array, locale: Locale): Promise<WebResult> {
  if (isPublishedFile(name)) {
    const conversion = bytes.length > MAX_FILE_BYTES
      ? { kind: 'failed' as const, format: null, reason: 'too-large' as const, detail: String(bytes.length) }
      : await convert(name, bytes);
    if (conversion.kind === 'failed') {
      const { code, message } = failureWords(conversion);
      return fileOnly(name, code, message, locale);
    }
    const converted: ConvertedSource = {
      format: conversion.format, lines: conversion.lines, ...(conversion.pages !== undefined ? { pages: conversion.pages } : {}),
    };
    return checked(name, conversion.format, conversion.text, locale, { encoding: null, converted });
  }
  const decoded = decodeText(bytes);
  if (decoded.kind === 'binary') return fileOnly(name, 'file-encoding', { key: 'file-encoding.binary' }, locale);
  if (decoded.kind === 'unknown-encoding') return fileOnly(name, 'file-encoding', { key: 'file-encoding' }, locale);
  return checked(name, 'text', decoded.text, locale, { encoding: decoded.encoding });
}

/** Check pasted text. */
export function checkText(name: string, text: string, locale: Locale): WebResult {
  return checked(name, 'text', text, locale, { encoding: null });
}
