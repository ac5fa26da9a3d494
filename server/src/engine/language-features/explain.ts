/**
 * What a position in the report is, for the hover: the table cell under the cursor with its row, column and
 * every identity it takes part in (values filled in, whether it holds, and for a broken one the cell the
 * checker blames with the value it should have, as the diagnostic says), or the section heading with its
 * official section, the format version and the year read. The server only words and formats it.
 */
import type { Cell, CellKind, LayoutId, ParsedTable, Report, Span, TableRow } from '../model';
import { cellKey, usableCell } from '../query/cells';
import { allBrokenIdentities } from '../query/identities';
import { columnTitle, shortLabel } from '../query/labels';
import { TEMPLATES } from '../template';
import type { ColumnDef, FormatVersion, IdentityDef, TableId } from '../template/types';

export interface CellInfo {
  readonly table: ParsedTable;
  readonly row: TableRow;
  readonly column: ColumnDef;
  readonly columnIndex: number;
  readonly cell: Cell;
}

export interface IdentityInfo {
  readonly identity: IdentityDef;
  /** `总计 12 = 自然人 7 + 商业企业 3 + … = 11` */
  readonly formula: string;
  readonly holds: boolean;
}

export interface ExpectedValue {
  /** The blamed cell's row (short label) and column name. */
  readonly row: string;
  readonly column: string;
  readonly value: number;
  /** Whether the blamed cell is the one described. */
  readonly isThisCell: boolean;
}

export interface IdentityDescription {
  readonly rule: IdentityDef['rule'];
  /** `总计 12 = 自然人 7 + 商业企业 3 + … = 11` */
  readonly formula: string;
  readonly holds: boolean;
  /** For a broken identity the checker reports: its target and expected value; null otherwise. */
  readonly expected: ExpectedValue | null;
}

export interface CellDescription {
  readonly kind: 'cell';
  readonly span: Span;
  readonly table: { readonly id: TableId; readonly name: string };
  readonly row: string;
  readonly column: string;
  readonly raw: string;
  readonly cellKind: CellKind;
  readonly identities: readonly IdentityDescription[];
}

export interface HeadingDescription {
  readonly kind: 'heading';
  readonly span: Span;
  /** The official section: its number (1–6), numeral and canonical heading. */
  readonly section: { readonly no: number; readonly numeral: string; readonly heading: string };
  readonly version: {
    readonly used: FormatVersion;
    readonly observed: FormatVersion | 'mixed' | null;
    readonly expected: FormatVersion | null;
    /** The official document defining the version read. */
    readonly basis: string;
  };
  readonly year: number | null;
  /** The section's table: the layout it was read as, the confidence, and whether it could be read. */
  readonly table?: { readonly layout: LayoutId; readonly confidence: number; readonly readable: boolean };
}

export type Description = CellDescription | HeadingDescription;

const within = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

/** The table cell at an offset (its span, or the insertion point of an empty cell). */
export function cellAt(report: Report, offset: number): CellInfo | null {
  for (const table of Object.values(report.tables)) {
    if (!table || offset < table.span.start || offset > table.span.end) continue;
    for (const row of table.rows) {
      const i = row.cells?.findIndex((c) => within(c.span, offset)) ?? -1;
      if (i >= 0 && row.cells) return { table, row, column: row.columns[i], columnIndex: i, cell: row.cells[i] };
    }
  }
  return null;
}

function termText(report: Report, table: ParsedTable, rowId: string, columnId: string, by: 'row' | 'column'): { text: string; value: number } | null {
  const u = usableCell(table, rowId, columnId);
  if (!u) return null;
  const value = u.cell.value ?? 0;
  return { text: `${by === 'row' ? columnTitle(u.column) : shortLabel(u.row.label)} ${value}`, value };
}

function side(parts: { text: string; value: number }[]): string {
  const shown = parts.length > 8 ? parts.filter((p) => p.value !== 0) : parts;
  const text = shown.map((p) => p.text);
  if (shown.length < parts.length) text.push('…');
  return text.length ? text.join(' + ') : '0';
}

/** Every identity of the template in which this cell is a term, evaluated with the report's values. */
export function identitiesOf(report: Report, table: ParsedTable, rowId: string, columnId: string): IdentityInfo[] {
  const out: IdentityInfo[] = [];
  for (const identity of report.template.identities) {
    if (identity.table !== table.id) continue;
    const [over, member] = identity.forEach === 'row' ? [rowId, columnId] : [columnId, rowId];
    if (!identity.over.includes(over) || ![...identity.left, ...identity.right].includes(member)) continue;
    const term = (id: string) => termText(report, table, identity.forEach === 'row' ? over : id, identity.forEach === 'row' ? id : over, identity.forEach);
    const left = identity.left.map(term);
    const right = identity.right.map(term);
    if (left.includes(null) || right.includes(null)) continue;
    const l = left as { text: string; value: number }[];
    const r = right as { text: string; value: number }[];
    const sum = (xs: { value: number }[]) => Math.round(xs.reduce((s, x) => s + x.value, 0) * 1e6) / 1e6;
    const ls = sum(l);
    const rs = sum(r);
    const formula = l.length === 1
      ? `${l[0].text} = ${side(r)} = ${rs}`
      : `${side(l)} = ${ls}；${side(r)} = ${rs}`;
    out.push({ identity, formula, holds: ls === rs });
  }
  return out;
}

/** The section heading at an offset. */
export function headingAt(report: Report, offset: number) {
  return report.headings.find((h) => within(h.span, offset)) ?? null;
}

function describeCell(report: Report, offset: number): CellDescription | null {
  const info = cellAt(report, offset);
  if (!info) return null;
  const { table, row, column, cell } = info;
  const broken = allBrokenIdentities(report);
  const identities = identitiesOf(report, table, row.id, column.id).map((i): IdentityDescription => {
    const over = i.identity.forEach === 'row' ? row.id : column.id;
    const b = i.holds ? undefined : broken.find((x) => x.identity.id === i.identity.id && x.over === over);
    const expected = b
      ? {
        row: shortLabel(b.target.rowLabel),
        column: columnTitle(b.target.column),
        value: b.expected,
        isThisCell: cellKey(b.target.rowId, b.target.column.id) === cellKey(row.id, column.id),
      }
      : null;
    return { rule: i.identity.rule, formula: i.formula, holds: i.holds, expected };
  });
  return {
    kind: 'cell',
    span: cell.span,
    table: { id: table.id, name: report.template[table.id].name },
    row: shortLabel(row.label),
    column: columnTitle(column),
    raw: cell.raw,
    cellKind: cell.kind,
    identities,
  };
}

function describeHeading(report: Report, offset: number): HeadingDescription | null {
  const heading = headingAt(report, offset);
  if (!heading) return null;
  const def = report.template.sections[heading.no - 1];
  if (!def) return null;
  const { used, observed, expected } = report.version;
  const reading = def.table ? report.tables[def.table]?.reading : undefined;
  return {
    kind: 'heading',
    span: heading.span,
    section: { no: def.no, numeral: def.numeral, heading: def.heading },
    version: { used, observed, expected, basis: TEMPLATES[observed === 'mixed' || observed === null ? used : observed].basis },
    year: report.year?.value ?? null,
    ...(reading ? { table: { layout: reading.layout, confidence: reading.confidence, readable: reading.readable } } : {}),
  };
}

/** The cell or heading at a UTF-16 offset of the report's text, or null. */
export function explainAt(report: Report, offset: number): Description | null {
  return describeCell(report, offset) ?? describeHeading(report, offset);
}
