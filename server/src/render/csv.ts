/**
 * The figures as CSV, one row per file for a spreadsheet (the CLI's `--format csv`, the browser page's
 * export). UTF-8 with a BOM so that Excel reads the Chinese right; the first line is the Chinese header, the
 * second the stable column ids (scripts read from there);
 * then path, body, year, format version, every table cell of the catalogue, error and warning counts and
 * what the file was. A cell not written as a number is empty, never 0.
 */
import { VALUE_COLUMNS, type FormatVersion, type ReportValues } from '../engine';

/** What a row needs of one checked file. */
export interface CsvFile {
  readonly path: string;
  readonly version: FormatVersion | null;
  readonly status: 'report' | 'not-report' | 'unreadable';
  readonly values: ReportValues | null;
  readonly errors: number;
  readonly warnings: number;
}

/** Columns before and after the cells: id and Chinese header. */
export const LEAD_COLUMNS = [
  { id: 'path', label: '文件' },
  { id: 'body', label: '机关' },
  { id: 'year', label: '年度' },
  { id: 'version', label: '格式版本' },
] as const;
export const TRAIL_COLUMNS = [
  { id: 'errors', label: '错误数' },
  { id: 'warnings', label: '警告数' },
  { id: 'status', label: '文件状态' },
] as const;

/** `report`, `not-report` (read, but no section or table of a report found) or `unreadable`. */
export const STATUS_LABELS: Readonly<Record<CsvFile['status'], string>> = {
  report: '年报',
  'not-report': '不是年报',
  unreadable: '无法读取',
};

/**
 * A text cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * first: OWASP's CSV injection list) gets a leading `'`, so that a file named `=HYPERLINK(…)` stays text.
 * Numbers are written as numbers: -3 is a value, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string | number | null): string {
  if (value === null) return '';
  const s = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One file as the cells of a row: lead, every cell of the catalogue, trail. */
export function rowValues(r: CsvFile): (string | number | null)[] {
  const byId = new Map((r.values?.cells ?? []).map((c) => [c.id, c.value]));
  return [
    r.path, r.values?.body ?? null, r.values?.year ?? null, r.version,
    ...VALUE_COLUMNS.map((c) => byId.get(c.id) ?? null),
    r.errors, r.warnings, r.status,
  ];
}

export function formatCsv(results: readonly CsvFile[]): string {
  const header = [...LEAD_COLUMNS.map((c) => c.label), ...VALUE_COLUMNS.map((c) => c.label), ...TRAIL_COLUMNS.map((c) => c.label)];
  const ids = [...LEAD_COLUMNS.map((c) => c.id), ...VALUE_COLUMNS.map((c) => c.id), ...TRAIL_COLUMNS.map((c) => c.id)];
  const lines = [header, ids, ...results.map(rowValues)].map((row) => row.map(field).join(','));
  // CRLF: what spreadsheet programs write and expect.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
