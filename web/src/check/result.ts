/** What the page shows of one checked file: the worker's answer, plain data (structured-cloned across). */
import type { FormatVersion, ReportValues, Range, Severity } from '../../../server/src/engine';
import { format, type Locale, type Message } from '../../../server/src/messages';
import type { SourceLocation } from '../../../server/src/convert';
import type { PreviewTable } from '../../../server/src/protocol';

export type FileKind = 'text' | 'pdf' | 'docx' | 'html';

export interface WebFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** LSP positions in `text`, as `xxgk-check --format json` gives them. */
  readonly range: Range;
  /** The place in the published file (page, table cell, element), as the CLI's JSON `source`. */
  readonly source?: SourceLocation;
  readonly fixable: boolean;
}

export interface WebResult {
  readonly name: string;
  readonly kind: FileKind;
  /** The text checked (converted or decoded); '' when the file was not read. */
  readonly text: string;
  readonly encoding: string | null;
  readonly status: 'report' | 'not-report' | 'unreadable';
  readonly version: FormatVersion | null;
  readonly values: ReportValues | null;
  readonly findings: readonly WebFinding[];
  readonly tables: readonly PreviewTable[];
  /** A text report with safe fixes: the fixed text and how many edits were applied (none for published files). */
  readonly fixed?: { readonly text: string; readonly applied: number };
  /** PDF: pages. */
  readonly pages?: number;
}

const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The CLI's default severities of the codes about a file rather than a report (server/src/files/codes.ts, and
 * `report-too-large` as the engine's rule of that code: files/converted.ts).
 */
const FILE_CODE_SEVERITY: Readonly<Record<string, Severity>> = {
  'file-conversion': 'error', 'file-encoding': 'error', 'file-unreadable': 'error', 'report-too-large': 'error',
};

export function kindOf(name: string): FileKind {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  if (ext === 'pdf' || ext === 'docx') return ext;
  if (ext === 'html' || ext === 'htm') return 'html';
  return 'text';
}

/** A file that gives no report text: one finding at its start. */
export function fileOnly(name: string, code: string, message: Message, locale: Locale): WebResult {
  return {
    name, kind: kindOf(name), text: '', encoding: null, status: 'unreadable', version: null, values: null, tables: [],
    findings: [{ code, severity: FILE_CODE_SEVERITY[code] ?? 'error', message: format(message, locale), range: ORIGIN, fixable: false }],
  };
}
