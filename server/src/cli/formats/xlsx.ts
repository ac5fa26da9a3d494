/**
 * `--format xlsx`: the numbers of the CSV as a workbook: an overview sheet, one sheet per table and a
 * findings sheet, each with a Chinese header row above the stable ids, both frozen. Cells not written as
 * numbers stay empty. Always written to `-o FILE` or a pipe, never to a terminal (main.ts). The workbook is
 * written by xlsx-writer.ts (fflate's zip; no spreadsheet library in the bundle).
 */
import type { TableId } from '../../engine';
import { TABLE_SHORT_NAMES, VALUE_COLUMNS, VALUE_TABLES } from '../../engine';
import { countFindings, type FileResult } from '../types';
import { LEAD_COLUMNS, STATUS_LABELS, TRAIL_COLUMNS } from './csv';
import { CellStyle, writeXlsx, type CellValue, type Sheet } from './xlsx-writer';

/** The sheet names (Excel allows 31 characters and no `/`). */
export const SHEET_NAMES = {
  overview: '报告',
  active: `表一 ${TABLE_SHORT_NAMES.active}`,
  applications: `表二 ${TABLE_SHORT_NAMES.applications}`,
  review: `表三 ${TABLE_SHORT_NAMES.review}`,
  findings: '问题',
} as const satisfies Record<'overview' | TableId | 'findings', string>;

const FINDING_COLUMNS = [
  { id: 'path', label: '文件' },
  { id: 'line', label: '行' },
  { id: 'character', label: '列' },
  { id: 'code', label: '规则' },
  { id: 'severity', label: '级别' },
  { id: 'message', label: '说明' },
] as const;

/** A sheet: the Chinese labels (bold) over the ids (grey italic), both rows and the first column frozen. */
function sheet(name: string, columns: readonly { id: string; label: string }[], rows: readonly CellValue[][]): Sheet {
  return {
    name,
    frozen: { columns: 1, rows: 2 },
    firstColumnWidth: 40,
    rows: [
      { cells: columns.map((c) => c.label), style: CellStyle.Bold },
      { cells: columns.map((c) => c.id), style: CellStyle.GreyItalic },
      ...rows.map((cells) => ({ cells })),
    ],
  };
}

function lead(r: FileResult): CellValue[] {
  return [r.path, r.values?.body ?? null, r.values?.year ?? null, r.version];
}

export function formatXlsx(results: readonly FileResult[]): Promise<Buffer> {
  const sheets: Sheet[] = [sheet(SHEET_NAMES.overview, [...LEAD_COLUMNS, ...TRAIL_COLUMNS], results.map((r) => {
    const c = countFindings(r.findings);
    return [...lead(r), c.error, c.warning, STATUS_LABELS[r.status]];
  }))];
  for (const table of VALUE_TABLES) {
    const columns = VALUE_COLUMNS.filter((c) => c.table === table);
    sheets.push(sheet(SHEET_NAMES[table], [...LEAD_COLUMNS, ...columns], results.map((r) => {
      const byId = new Map((r.values?.cells ?? []).map((c) => [c.id, c.value]));
      return [...lead(r), ...columns.map((c) => byId.get(c.id) ?? null)];
    })));
  }
  sheets.push(sheet(SHEET_NAMES.findings, FINDING_COLUMNS, results.flatMap((r) => r.findings.map((f): CellValue[] => [
    r.path, f.range.start.line + 1, f.range.start.character + 1, f.code, f.severity, f.message,
  ]))));
  const bytes = writeXlsx({ creator: 'xxgk-check', sheets });
  return Promise.resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
