/**
 * What the client and the server of xxgk-report share (issue 4): names, the custom request `xxgk/reportInfo`
 * and the `data` carried by diagnostics. Imported by both sides; free of both sides' libraries (they bundle
 * different copies of vscode-jsonrpc), so requests are a method name with its parameter and result types.
 */
export const LANGUAGE_ID = 'xxgk-report';
/** `Diagnostic.source`, and the diagnostic provider's identifier. */
export const DIAGNOSTIC_SOURCE = 'xxgk-report';
/** The code action kind of "fix all": safe fixes of one document version, never suggestions. */
export const FIX_ALL_KIND = 'source.fixAll.xxgk-report';
/** Client command opening a rule's page; argument: the page's URI (a string). */
export const OPEN_RULE_DOCS_COMMAND = 'xxgk.openRuleDocs';
/** Client command switching a document to the report language. */
export const SWITCH_TO_REPORT_COMMAND = 'xxgk.switchToReport';
/** The settings section read through `workspace/configuration`. */
export const SETTINGS_SECTION = 'xxgk';

/** `Diagnostic.data`: the document version the finding belongs to; code actions bail on any other. */
export interface DiagnosticData {
  readonly version: number;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as { version?: unknown }).version === 'number';
}

export interface ReportInfoParams {
  readonly uri: string;
}

export interface ReportInfo {
  /** The document version described. */
  readonly documentVersion: number;
  /** The format version whose templates read the tables, as written in the report, and as the year requires. */
  readonly formatVersion: { readonly used: '2019' | '2021'; readonly observed: '2019' | '2021' | 'mixed' | null; readonly expected: '2019' | '2021' | null };
  readonly year: number | null;
  readonly title: string | null;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number; readonly hint: number };
  /** The `.xxgkrc.json` in use, if any. */
  readonly configFile: string | null;
}

/** `xxgk/reportInfo`: what the language status item shows; null for a document the server does not hold. */
export const REPORT_INFO_METHOD = 'xxgk/reportInfo';
export type ReportInfoResult = ReportInfo | null;
