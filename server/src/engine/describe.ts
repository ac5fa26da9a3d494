/**
 * What the hover says about a position (issue 5), as data: a table cell with its row, column and every
 * identity it takes part in (values filled in, whether it holds, and for a broken one the cell the checker
 * blames with the value it should have, as the diagnostic says), or a section heading with the official
 * section and the format version and year read. Pure; the server only words and formats it.
 */
import { cellAt, headingAt, identitiesOf } from './explain';
import type { CellKind, Report, Span } from './model';
import { columnTitle, shortLabel } from './query/labels';
import { allBrokenIdentities } from './query/identities';
import { TEMPLATES } from './template';
import type { FormatVersion, IdentityDef, TableId } from './template/types';

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
}

export type Description = CellDescription | HeadingDescription;

const cellKey = (rowId: string, columnId: string) => `${rowId}\u0000${columnId}`;

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
  return {
    kind: 'heading',
    span: heading.span,
    section: { no: def.no, numeral: def.numeral, heading: def.heading },
    version: { used, observed, expected, basis: TEMPLATES[observed === 'mixed' || observed === null ? used : observed].basis },
    year: report.year?.value ?? null,
  };
}

/** The cell or heading at a UTF-16 offset of the report's text, or null. */
export function describeAt(report: Report, offset: number): Description | null {
  return describeCell(report, offset) ?? describeHeading(report, offset);
}
