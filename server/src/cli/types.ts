/** What the CLI knows about one checked file, shared by the output formats. */
import type { Finding, FormatVersion, LayoutId, TableId } from '../engine';
import type { ReportValues } from '../engine';
import type { ConvertedSource } from '../files/converted';

export interface FileResult {
  /** As shown: the argument as given, or the folder argument joined with the path found in it. */
  readonly path: string;
  readonly abs: string;
  /** Last year's report it was compared with (`carry-over-mismatch`): related entries with this `uri` are in it. */
  readonly previous?: { readonly uri: string; readonly path: string; readonly abs: string; readonly converted?: ConvertedSource };
  /** The format version the tables were read with; null when the file was not read as a report. */
  readonly version: FormatVersion | null;
  /** `UTF-8`, `GBK/GB18030`…; null when the file could not be decoded. */
  readonly encoding: string | null;
  /** The findings shown and counted: after `--quiet` and the config's `ignore`. */
  readonly findings: readonly Finding[];
  /** The text of each line a finding or related location starts on, for the code frame. */
  readonly lines: ReadonlyMap<number, string>;
  /** How each table was read: the layout, the confidence (0..1) and whether it could be read at all. */
  readonly layouts?: Readonly<Partial<Record<TableId, TableLayout>>>;
  /** `report`; `not-report` (text without any section or table of a report); `unreadable` (not read or decoded). */
  readonly status: 'report' | 'not-report' | 'unreadable';
  /** Body, year, version and table cells; null when the file was not read. */
  readonly values: ReportValues | null;
  /** With --fix or --fix-dry-run: how many safe-fix edits were applied (or would be). */
  readonly fixed?: number;
  /** With --fix-dry-run: the unified diff of the fixes, '' when there are none. */
  readonly diff?: string;
  /** A published file (PDF, DOCX, HTML) checked as its converted text: where each line came from. */
  readonly converted?: ConvertedSource;
}

export interface TableLayout {
  readonly layout: LayoutId;
  readonly confidence: number;
  readonly readable: boolean;
}


export interface Counts {
  error: number;
  warning: number;
  info: number;
  hint: number;
  fixable: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, hint: 0, fixable: 0 };
  for (const f of findings) {
    c[f.severity]++;
    if (f.fix) c.fixable++;
  }
  return c;
}

export function totalCounts(results: readonly FileResult[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, hint: 0, fixable: 0 };
  for (const r of results) {
    const x = countFindings(r.findings);
    for (const k of Object.keys(c) as (keyof Counts)[]) c[k] += x[k];
  }
  return c;
}

/** What the closing lines of an output need from a whole run, kept while the files are written one by one. */
export interface RunTotals {
  files: number;
  counts: Counts;
  /** Safe-fix edits applied (or that would be), and in how many files. */
  fixedEdits: number;
  fixedFiles: number;
}

export function emptyTotals(): RunTotals {
  return { files: 0, counts: { error: 0, warning: 0, info: 0, hint: 0, fixable: 0 }, fixedEdits: 0, fixedFiles: 0 };
}

/** What one file adds to the run's totals: all a worker sends besides a file's written part. */
export interface FileTally {
  readonly counts: Counts;
  readonly fixed: number;
}

export function tallyOf(r: FileResult): FileTally {
  return { counts: countFindings(r.findings), fixed: r.fixed ?? 0 };
}

export function addTally(t: RunTotals, x: FileTally): void {
  t.files++;
  for (const k of Object.keys(t.counts) as (keyof Counts)[]) t.counts[k] += x.counts[k];
  t.fixedEdits += x.fixed;
  if (x.fixed > 0) t.fixedFiles++;
}

export function addToTotals(t: RunTotals, r: FileResult): void {
  addTally(t, tallyOf(r));
}

export function runTotals(results: readonly FileResult[]): RunTotals {
  const t = emptyTotals();
  for (const r of results) addToTotals(t, r);
  return t;
}
