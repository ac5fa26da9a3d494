/**
 * What the client and the server of xxgk-report share: names, the custom request `xxgk/reportInfo`
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

/** A position and a range as LSP has them (zero-based line, UTF-16 character). */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}
export interface TextRange {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

/** A cell of the table preview. `mark`: 'total' for the cell a broken identity blames, 'part' for its other cells. */
export interface PreviewCell {
  readonly text: string;
  readonly range: TextRange | null;
  readonly mark: 'total' | 'part' | null;
  /** The value a 'total' cell should have. */
  readonly expected: number | null;
  readonly kind: 'number' | 'blank' | 'text' | 'missing';
}

export interface PreviewRow {
  readonly id: string;
  readonly label: string;
  /** Null for a row the report lacks. */
  readonly labelRange: TextRange | null;
  readonly cells: readonly PreviewCell[];
}

export interface PreviewTable {
  readonly id: import('./engine').TableId;
  readonly name: string;
  /** The format version the table was read with. */
  readonly version: string;
  /** Column names; empty for the table of proactive disclosure, whose blocks name their columns in the row label. */
  readonly columns: readonly string[];
  readonly rows: readonly PreviewRow[];
  /** How the table was read, worded in the server's locale (`读作：PDF 多行单元格`); absent from older servers. */
  readonly readAs?: string;
  /** False when no layout could read the table with confidence (then it has no rows). */
  readonly readable?: boolean;
}

export interface TablesParams {
  readonly uri: string;
  /** The document version the client asks about; the answer says which version it describes. */
  readonly version: number;
}

export interface TablesAnswer {
  readonly uri: string;
  /** The version described; the client drops an answer for any other version than its latest. */
  readonly documentVersion: number;
  readonly tables: readonly PreviewTable[];
}

/** `xxgk/tables`: the report's tables as grids for the preview, from the cached check; null when the document is not open. */
export const TABLES_METHOD = 'xxgk/tables';
export type TablesResult = TablesAnswer | null;

/** Client command opening the table preview beside the editor. */
export const SHOW_PREVIEW_COMMAND = 'xxgk.showPreview';

/** `xxgk/stats`: the server's own counters, for the benchmark and diagnosis (no document needed). */
export const STATS_METHOD = 'xxgk/stats';

/** Durations in ms: how many were kept (the latest), their median, 95th percentile and maximum. */
export interface DurationSummary {
  readonly count: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

/** `xxgk/stats` parameters: `resetPulls` clears the pull durations after answering (the next answer counts from there). */
export interface StatsParams {
  readonly resetPulls?: boolean;
}

export interface StatsResult {
  /** Engine runs finished since start (a cancelled run is counted in `cancelledRuns`). */
  readonly engineRuns: number;
  readonly cancelledRuns: number;
  /** Documents open. */
  readonly documents: number;
  /** V8 heap in use, bytes. */
  readonly heapUsed: number;
  /**
   * The server's own time per diagnostic pull (from its handler's start to its answer, cancelled ones included),
   * over the last 2,048 pulls: what the editor waits for beyond the pipes and the scheduling of the processes.
   */
  readonly pulls: DurationSummary;
  /** Published files converted (converter processes run) and answered from the content cache, since start. */
  readonly conversions?: { readonly conversions: number; readonly hits: number };
}

/** `initializationOptions` sent by the client. `trusted: false`: the workspace is untrusted, no `.xxgkrc.json` is read. */
export interface InitializationOptions {
  readonly trusted?: boolean;
}

/** Notification (no params): the user granted workspace trust; the server reads `.xxgkrc.json` from now on and refreshes. */
export const TRUST_GRANTED_NOTIFICATION = 'xxgk/trustGranted';

/** One report file as the 「年报」 view lists it (the workspace check). */
export interface WorkspaceReport {
  readonly uri: string;
  /** Relative to its workspace folder. */
  readonly path: string;
  readonly body: string | null;
  readonly year: number | null;
  readonly version: '2019' | '2021' | null;
  readonly errors: number;
  readonly warnings: number;
  /** `unreadable`: not read or not decoded; `not-report`: text without any section or table of a report. */
  readonly status: 'report' | 'not-report' | 'unreadable';
  /** A published file (PDF, DOCX, HTML) checked as its converted text: its format, and its pages for a PDF. */
  readonly format?: 'pdf' | 'docx' | 'html';
  readonly pages?: number;
  /**
   * The document holding the checked text when it is not the file itself: the `xxgk-converted:` view of a published
   * file. Its findings are published on it, and opening the report opens it.
   */
  readonly document?: string;
}

/** The `xxgk-converted:` view of a published file: `xxgk-converted:/path/报告.pdf.txt?<file URI>` (as the client makes it). */
export function convertedViewUri(fileUri: string): string {
  const path = new URL(fileUri).pathname;
  return `${CONVERTED_SCHEME}:${path}.txt?${encodeURIComponent(fileUri)}`;
}

/** The `file:` URI a converted view shows (its query), however the client encoded it; undefined for another URI. */
export function sourceFileOfView(uri: string): string | undefined {
  if (!uri.startsWith(`${CONVERTED_SCHEME}:`)) return undefined;
  const q = uri.indexOf('?');
  if (q < 0) return undefined;
  try {
    const file = decodeURIComponent(uri.slice(q + 1).split('#')[0]);
    return file.startsWith('file:') ? file : undefined;
  } catch {
    return undefined;
  }
}

export interface CheckWorkspaceParams {
  /** Folders (file: URIs) to check; all workspace folders when absent. */
  readonly folders?: readonly string[];
  /** A progress token for `$/progress` (LSP work-done progress) created by the client. */
  readonly workDoneToken?: string;
}

export interface CheckWorkspaceResult {
  readonly reports: readonly WorkspaceReport[];
  /** False when the check was cancelled before every file was read (the reports checked so far are listed). */
  readonly complete: boolean;
  readonly milliseconds: number;
}

/**
 * `xxgk/checkWorkspace`: check every report file of the folders without opening them, in slices (the
 * server keeps answering other requests between files), publishing the findings of the files not open.
 * Cancellable (request cancellation). Files checked stay current when they change on disk.
 */
export const CHECK_WORKSPACE_METHOD = 'xxgk/checkWorkspace';

/** Notification from the server: a report of the workspace check changed, appeared (report) or went away (null). */
export const WORKSPACE_REPORT_NOTIFICATION = 'xxgk/workspaceReport';
export interface WorkspaceReportChange {
  readonly uri: string;
  readonly report: WorkspaceReport | null;
}

/** Client command: check every report of the workspace (or of the folder it is run on). */
export const CHECK_WORKSPACE_COMMAND = 'xxgk.checkWorkspace';

/** `xxgk/compare`: this report against last year's (found as the carry-over check finds it, or given). */
export const COMPARE_METHOD = 'xxgk/compare';
export interface CompareParams {
  readonly uri: string;
  /** Last year's report chosen by the user; when absent, the server looks for it. */
  readonly previousUri?: string;
  /** Per cent for a large swing; default 50. */
  readonly threshold?: number;
}
/**
 * The comparison (engine/compare/types.ts, the same shape as `xxgk-check --compare --format json`) with both URIs;
 * null when no previous report is found.
 */
export type CompareResult = { readonly previousUri: string; readonly uri: string; readonly comparison: import('./engine').Comparison } | null;

/** Client command opening the comparison with last year's report beside the editor. */
export const COMPARE_COMMAND = 'xxgk.compareWithPrevious';
/** A published file (PDF, DOCX, HTML) converted to report text for the editor's 「作为年报检查」 command. */
export const CONVERT_METHOD = 'xxgk/convert';
export const CHECK_AS_REPORT_COMMAND = 'xxgk.checkAsReport';
export const SAVE_CONVERTED_COMMAND = 'xxgk.saveConvertedAsText';
/** Read-only documents holding converted text: `xxgk-converted:/path/报告.pdf.txt?<file URI of the original>`. */
export const CONVERTED_SCHEME = 'xxgk-converted';

export interface ConvertParams {
  /** `file:` URI of the published file. */
  readonly uri: string;
  /** VS Code's display language, for the message of a file that cannot be converted. */
  readonly locale: string;
}

export type ConvertResult =
  | { readonly kind: 'converted'; readonly text: string; readonly format: 'pdf' | 'docx' | 'html'; readonly pages?: number }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };
