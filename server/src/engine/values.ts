/**
 * The numbers of a report as data: every cell of the three tables under a stable id
 * (`<table>.<row>.<column>`, e.g. `applications.R3.7.total`), for spreadsheets, JSON and the comparison
 * with last year. The catalogue of ids is the union of both format versions, derived from the templates,
 * so a column id means the same thing in every export. A cell that was not written as a number (blank,
 * `/`, `—`, text, or not found) has no value: exports leave it empty rather than write 0.
 */
import { bodyKey } from './query/body';
import type { Cell, Report, Span } from './model';
import { columnTitle, shortLabel } from './query/labels';
import { expectedRows } from './query/structure';
import { TEMPLATES } from './template';
import { TABLE_IDS } from './template/tables';
import type { ColumnDef, FormatVersion, TableId, Template } from './template/types';

/** The tables whose cells are values: all of them, in the order of the report (the template registry's). */
export const VALUE_TABLES: readonly TableId[] = TABLE_IDS;

/** Short Chinese names of the tables, for column headers and sheet names. */
export const TABLE_SHORT_NAMES: Readonly<Record<TableId, string>> = {
  active: '主动公开',
  applications: '依申请公开',
  review: '复议诉讼',
};

export interface ValueColumn {
  /** `<table>.<row>.<column>`: stable across releases and versions. */
  readonly id: string;
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  /** Chinese header: table · row · column. */
  readonly label: string;
  /** The format versions that have this cell. */
  readonly versions: readonly FormatVersion[];
}

interface RowColumns {
  readonly rowId: string;
  readonly rowLabel: string;
  readonly columns: readonly ColumnDef[];
}

function groupLabel(template: Template, group: string | undefined): string | null {
  if (!group) return null;
  const g = template.applications.rowGroups.find((x) => x.id === group);
  // The top group (三、本年度办理结果) adds nothing to a row's name.
  return g && g.parent !== null ? shortLabel(g.label) : null;
}

/** The rows and columns of one table in one version, in template order. */
function templateCells(template: Template, table: TableId): RowColumns[] {
  if (table === 'active') {
    return template.active.blocks.flatMap((b) => b.rows.map((r) => ({ rowId: `${b.id}.${r.id}`, rowLabel: shortLabel(r.label), columns: b.columns })));
  }
  if (table === 'applications') {
    return template.applications.rows.map((r) => {
      const group = groupLabel(template, r.group);
      return { rowId: r.id, rowLabel: group ? `${group}${shortLabel(r.label)}` : shortLabel(r.label), columns: template.applications.columns };
    });
  }
  return [{ rowId: 'cases', rowLabel: '', columns: template.review.columns }];
}

function buildCatalogue(): ValueColumn[] {
  const out: ValueColumn[] = [];
  const byId = new Map<string, { column: ValueColumn; versions: FormatVersion[] }>();
  for (const table of VALUE_TABLES) {
    // The current format first, then what only the 2019 format has: the order is fixed by the templates.
    for (const version of ['2021', '2019'] as const) {
      for (const rc of templateCells(TEMPLATES[version], table)) {
        for (const c of rc.columns) {
          const id = `${table}.${rc.rowId}.${c.id}`;
          const seen = byId.get(id);
          if (seen) {
            seen.versions.push(version);
            continue;
          }
          const label = [TABLE_SHORT_NAMES[table], rc.rowLabel, columnTitle(c)].filter((x) => x !== '').join('·');
          const versions: FormatVersion[] = [version];
          const column: ValueColumn = { id, table, row: rc.rowId, column: c.id, label, versions };
          byId.set(id, { column, versions });
          out.push(column);
        }
      }
    }
  }
  return out;
}

/** Every cell id of both format versions, tables in order, current format first. */
export const VALUE_COLUMNS: readonly ValueColumn[] = buildCatalogue();

export interface CellValue {
  readonly id: string;
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  /** The number written; null for a blank, text or misplaced cell. */
  readonly value: number | null;
  readonly raw: string;
  readonly kind: Cell['kind'];
  readonly span: Span;
}

export interface ReportValues {
  /** The issuing body read from the title (or the line above it); null when none. */
  readonly body: string | null;
  readonly year: number | null;
  readonly version: FormatVersion | null;
  /** The cells found, in table order. Cells not found are absent. */
  readonly cells: readonly CellValue[];
}

/** The cells of a report's tables, each with its id, value and span. */
export function reportCells(report: Report): CellValue[] {
  const out: CellValue[] = [];
  if (report.content !== 'text') return out;
  for (const id of VALUE_TABLES) {
    const table = report.tables[id];
    if (!table) continue;
    const order = new Map(expectedRows(report, id).map((r, i) => [r.id, i]));
    const rows = [...table.rows].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    for (const row of rows) {
      if (!row.cells) continue;
      row.cells.forEach((cell, i) => {
        const column = row.columns[i];
        out.push({
          id: `${id}.${row.id}.${column.id}`, table: id, row: row.id, column: column.id,
          value: cell.kind === 'number' ? cell.value : null, raw: cell.raw, kind: cell.kind, span: cell.span,
        });
      });
    }
  }
  return out;
}

export function reportValues(report: Report): ReportValues {
  if (report.content !== 'text') return { body: null, year: null, version: null, cells: [] };
  const body = bodyKey(report);
  return { body: body === '' ? null : body, year: report.year?.value ?? null, version: report.version.used, cells: reportCells(report) };
}

/** `{ id: value }` for every cell of the catalogue (null when absent or not a number). */
export function valueRecord(values: ReportValues): Record<string, number | null> {
  const byId = new Map(values.cells.map((c) => [c.id, c.value]));
  const out: Record<string, number | null> = {};
  for (const c of VALUE_COLUMNS) if (byId.has(c.id) || c.versions.includes(values.version ?? '2021')) out[c.id] = byId.get(c.id) ?? null;
  return out;
}
