/** The report model. Every span is a pair of UTF-16 offsets into the original text. */
import type { Line } from './text/lines';
import type { ColumnDef, FormatVersion, TableId, Template } from './template/types';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type CellKind = 'number' | 'blank' | 'text';

export interface Cell {
  readonly span: Span;
  /** The cell as written (folded, trimmed). */
  readonly raw: string;
  readonly kind: CellKind;
  /** Parsed value; a blank reads as 0; null for text. */
  readonly value: number | null;
  readonly unit?: string;
}

export interface Heading {
  readonly no: number;
  readonly line: number;
  /** From the numbering (or the title when unnumbered) to the end of the title. */
  readonly span: Span;
  /** The numbering with its separator (`1、`, `一.`), or null when unnumbered. */
  readonly marker: { readonly span: Span; readonly text: string; readonly value: number | null } | null;
  readonly titleSpan: Span;
  readonly title: string;
}

/** A table's caption line (`表三：收到和处理政府信息公开申请情况`): `no` is the section whose table it names. */
export interface Caption {
  readonly line: number;
  readonly no: number;
  readonly span: Span;
}

export interface SubHeading {
  readonly line: number;
  readonly span: Span;
  readonly text: string;
}

export interface TableRow {
  readonly id: string;
  readonly label: string;
  readonly labelSpan: Span;
  readonly columns: readonly ColumnDef[];
  /** One cell per column, or null when the row's cells could not be placed in columns. */
  readonly cells: readonly Cell[] | null;
  /** Values found for the row when `cells` is null, or the surplus beyond the columns. */
  readonly found: readonly Cell[];
  readonly extra: readonly Cell[];
  readonly group?: string;
}

export interface RowGroupLabel {
  readonly id: string;
  readonly span: Span;
}

export interface MissingRow {
  readonly id: string;
  readonly label: string;
  /** Where it should have been: the label of the next row found, or the table's last cell. */
  readonly near: Span;
}

/** How a table was written, as the reader that read it saw it. */
export type LayoutId =
  | 'tab-rows' | 'pipe-rows' | 'markdown' | 'cell-per-line' | 'spaced-columns' | 'pdf-wrapped' | 'reading-order';

/** One reason for (or against) trusting a reading, as a message key with its figures. */
export interface ReadingReason {
  readonly key: 'reading.rows' | 'reading.complete' | 'reading.identities' | 'reading.leftovers' | 'reading.textCells';
  readonly args: Readonly<Record<string, number>>;
  /** The reason counts against the reading. */
  readonly against: boolean;
}

export interface TableReadingInfo {
  readonly layout: LayoutId;
  /** 0..1 */
  readonly confidence: number;
  /** False: the table is reported once as `table-unreadable` and nothing else is read from it. */
  readonly readable: boolean;
  readonly reasons: readonly ReadingReason[];
  /** Every layout tried, best first. */
  readonly tried: readonly { readonly layout: LayoutId; readonly confidence: number }[];
}

/** A row written in the other format version's shape (2019's single （六）其他处理 row in a 2021 table). */
export interface RowVariant {
  readonly rowId: string;
  readonly version: FormatVersion;
  readonly span: Span;
  /** The rows of this table's version that the variant row stands for. */
  readonly covers: readonly string[];
}

export interface ParsedTable {
  readonly id: TableId;
  readonly version: FormatVersion;
  readonly span: Span;
  readonly firstLine: number;
  readonly lastLine: number;
  /** Rows found, in template order. */
  readonly rows: readonly TableRow[];
  readonly groups: readonly RowGroupLabel[];
  readonly missing: readonly MissingRow[];
  /** Set when the table stops before its last rows: the span of the last thing read. */
  readonly truncatedAt: Span | null;
  /** The first label of the observed version's own wording, for version findings. */
  readonly blocks?: readonly { readonly id: string; readonly version: FormatVersion; readonly span: Span }[];
  readonly variants?: readonly RowVariant[];
  /** Set by the table parser: the layout read and how far the reading can be trusted. */
  readonly reading?: TableReadingInfo;
}

export interface Section {
  readonly no: number;
  readonly heading: Heading;
  /** From the heading to the end of the section's last line. */
  readonly span: Span;
  readonly subHeadings: readonly SubHeading[];
}

/** Body text numbered 一、二、… before the template's sections are numbered again (see parse/narrative.ts). */
export interface NarrativeNumbering {
  /** The narrative's numbered items, in text order: from the numbering to the end of the item's title. */
  readonly items: readonly { readonly line: number; readonly span: Span; readonly value: number }[];
  /** The section heading where the template's numbering starts again. */
  readonly restart: Heading;
  /** Lines of the narrative that read like section headings and are not taken as such. */
  readonly dropped: readonly Heading[];
  /**
   * How far the template's sections are numbered below their place from the restart on: 0 when they keep
   * the template's numbers (`二、主动公开…` after the narrative), 1 when they start again from 一
   * (`一、主动公开政府信息情况`, `二、收到和处理…`, …).
   */
  readonly shift: number;
}

export interface VersionInfo {
  /** The version whose templates parsed the tables. */
  readonly used: FormatVersion;
  readonly observed: FormatVersion | 'mixed' | null;
  readonly expected: FormatVersion | null;
  readonly markers: Readonly<Record<FormatVersion, readonly Span[]>>;
}

export interface Report {
  readonly text: string;
  readonly folded: string;
  readonly lines: readonly Line[];
  readonly eol: string;
  readonly title: { readonly span: Span; readonly text: string } | null;
  readonly year: { readonly value: number; readonly span: Span } | null;
  /** Every heading found, in text order (duplicates and out-of-order ones included). */
  readonly headings: readonly Heading[];
  /** The first heading of each section, in text order. */
  readonly sections: readonly Section[];
  readonly tables: Readonly<Partial<Record<TableId, ParsedTable>>>;
  readonly version: VersionInfo;
  readonly template: Template;
  /** Lines covered by a table (no headings or sub-headings there). */
  readonly tableLines: ReadonlySet<number>;
  readonly content: 'empty' | 'binary' | 'too-large' | 'text';
  /** Set when the body numbers its own narrative like sections before the sections proper. */
  readonly narrative?: NarrativeNumbering | null;
  /** Table captions (`表三：…`), in line order. */
  readonly captions?: readonly Caption[];
}

export function spanOf(start: number, end: number): Span {
  return { start, end };
}

/*
 * Cells, rows and tables are built by these three functions only, each with every key in one order (an absent
 * optional one set to undefined). Every cell, row and table then has one hidden class in V8, and the code that
 * reads them stays optimised: objects of the same type built with different keys were the main cause of
 * deoptimisation, and recompiling the code they threw out was most of a checking thread's compile time.
 */

export function makeCell(span: Span, raw: string, kind: CellKind, value: number | null, unit?: string): Cell {
  return { span, raw, kind, value, unit };
}

export function makeRow(
  id: string, label: string, labelSpan: Span, columns: readonly ColumnDef[], group: string | undefined,
  cells: readonly Cell[] | null, found: readonly Cell[], extra: readonly Cell[],
): TableRow {
  return { id, label, labelSpan, columns, group, cells, found, extra };
}

export function makeTable(t: ParsedTable): ParsedTable {
  return {
    id: t.id, version: t.version, span: t.span, firstLine: t.firstLine, lastLine: t.lastLine, rows: t.rows, groups: t.groups,
    missing: t.missing, truncatedAt: t.truncatedAt, blocks: t.blocks, variants: t.variants, reading: t.reading,
  };
}
