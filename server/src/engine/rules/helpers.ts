/** Small shared helpers for rules: cell addressing and labels. */
import type { Cell, ParsedTable, Report, Span, TableRow } from '../model';
import { TEMPLATES } from '../template';
import type { ColumnDef, TableId } from '../template/types';

const ROW_INDEX = new WeakMap<ParsedTable, Map<string, TableRow>>();

export function rowById(table: ParsedTable | undefined, id: string): TableRow | undefined {
  if (!table) return undefined;
  let index = ROW_INDEX.get(table);
  if (!index) {
    index = new Map(table.rows.map((r) => [r.id, r]));
    ROW_INDEX.set(table, index);
  }
  return index.get(id);
}

/** A located, usable cell: its row and column were found and it parsed as a number or a blank. */
export function usableCell(table: ParsedTable | undefined, rowId: string, columnId: string): { cell: Cell; row: TableRow; column: ColumnDef } | null {
  let row = rowById(table, rowId);
  if (!row) {
    // A row written in the other version's shape stands for the rows it covers: the first reads
    // through it, the others as 0 (2019's one （六）其他处理 row for 2021's three).
    const variant = table?.variants?.find((v) => v.covers.includes(rowId));
    const through = variant ? rowById(table, variant.rowId) : undefined;
    if (!variant || !through?.cells) return null;
    if (variant.covers[0] === rowId) row = through;
    else {
      const i = through.columns.findIndex((c) => c.id === columnId);
      if (i < 0) return null;
      const zero: Cell = { span: { start: through.labelSpan.end, end: through.labelSpan.end }, raw: '0', kind: 'number', value: 0 };
      return { cell: zero, row: through, column: through.columns[i] };
    }
  }
  if (!row.cells) return null;
  const i = row.columns.findIndex((c) => c.id === columnId);
  if (i < 0) return null;
  const cell = row.cells[i];
  if (cell.value === null || !valueFitsColumn(cell, row.columns[i])) return null;
  return { cell, row, column: row.columns[i] };
}

export function valueFitsColumn(cell: Cell, column: ColumnDef): boolean {
  if (cell.value === null) return false;
  if (cell.value < 0 && column.type !== 'signedInteger') return false;
  if (!Number.isInteger(cell.value) && column.type !== 'decimal') return false;
  return true;
}

const REVIEW_GROUP_NAMES: Record<string, string> = { review: '行政复议', direct: '直接起诉', afterReview: '复议后起诉' };

/** A column's name as a reader needs it: Table 3's outcome words repeat, so they carry their group. */
export function columnTitle(column: ColumnDef): string {
  return column.id.includes('.') && column.group && REVIEW_GROUP_NAMES[column.group] ? `${REVIEW_GROUP_NAMES[column.group]}·${column.label}` : column.label;
}

/** A short label for a row: its official wording without the long parenthetical. */
export function shortLabel(label: string): string {
  // No opening bracket inside the parenthetical: linear on any input (issue 9; `[^）)]*` was quadratic on `（（（…`).
  return label.replace(/[（(][^（(）)]*[）)]$/, '').trim() || label;
}

export function tableName(report: Report, id: TableId): string {
  return report.template[id].name;
}

export function sectionNumeral(no: number): string {
  return TEMPLATES['2021'].sections[no - 1].numeral;
}

/** The spans of the tables that were cut off, to suppress findings that follow from the cut. */
export function truncatedTables(report: Report): Set<TableId> {
  const s = new Set<TableId>();
  for (const t of Object.values(report.tables)) if (t?.truncatedAt) s.add(t.id);
  return s;
}

/** Sections missing after the last heading, when two or more are: the text was cut, not the sections forgotten. */
export function trailingMissingSections(report: Report): number[] {
  if (!report.sections.length) return [];
  // The last section present: by its heading, or by its table when the heading is missing (issue 9:
  // a text cut inside Table 3 whose heading 四 is garbled has lost 五 and 六, not forgotten them).
  const tableSections = Object.values(report.tables).map((t) => report.template.sections.find((d) => d.table === t!.id)!.no);
  const last = Math.max(...report.sections.map((s) => s.no), ...tableSections);
  const missing: number[] = [];
  for (let no = last + 1; no <= 6; no++) missing.push(no);
  return missing.length >= 2 ? missing : [];
}

export function endOfText(report: Report): Span {
  let i = report.lines.length - 1;
  while (i > 0 && report.lines[i].text.trim() === '') i--;
  const line = report.lines[i];
  return { start: line.start, end: line.end };
}

/** The rows a table of the report's version should have, in order, with their labels. */
export function expectedRows(report: Report, id: TableId): { id: string; label: string }[] {
  if (id === 'applications') return report.template.applications.rows.map((r) => ({ id: r.id, label: r.label }));
  if (id === 'active') {
    const seen = report.tables.active?.blocks ?? [];
    return report.template.active.blocks.flatMap((b) => {
      const v = seen.find((s) => s.id === b.id)?.version ?? report.template.version;
      const block = TEMPLATES[v].active.blocks.find((x) => x.item === b.item) ?? b;
      return block.rows.map((r) => ({ id: `${block.id}.${r.id}`, label: r.label }));
    });
  }
  return [{ id: 'cases', label: report.template.review.name }];
}
