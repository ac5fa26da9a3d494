/** Template knowledge, one description per format version. Read by the generic parser and checker. */

export type FormatVersion = '2019' | '2021';
export type CellType = 'integer' | 'signedInteger' | 'decimal';
export type TableId = 'active' | 'applications' | 'review';

export interface SectionDef {
  readonly no: number;
  readonly numeral: string;
  readonly title: string;
  readonly heading: string;
  readonly table: TableId | null;
  /** Keyword rule (docs/format.md, "Recognising a heading"): every group must have one of its words present in the heading key. */
  readonly allOf: readonly (readonly string[])[];
  /** Words that must not occur in the heading key. */
  readonly noneOf: readonly string[];
}

export interface ColumnDef {
  readonly id: string;
  readonly label: string;
  readonly type: CellType;
  readonly unit?: string | null;
  readonly group?: string;
}

export interface RowMatch {
  /** The row matches a label whose key contains one of these. */
  readonly contains: readonly string[];
  /** …or whose key (without its leading numbering) equals one of these. */
  readonly exact?: readonly string[];
  /** The row may only match once this row (or a later one) has matched. */
  readonly after?: string;
}

export interface RowDef {
  readonly id: string;
  readonly label: string;
  readonly group?: string;
  readonly match: RowMatch;
}

export interface RowGroupDef {
  readonly id: string;
  readonly label: string;
  readonly parent: string | null;
  readonly keys: readonly string[];
}

export interface BlockDef {
  readonly id: string;
  readonly label: string;
  /** The item of 条例第二十条 this block reports: 1, 5, 6, 8, 9. */
  readonly item: number;
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly { readonly id: string; readonly label: string }[];
}

export interface ActiveTableDef {
  readonly id: 'active';
  readonly section: number;
  readonly name: string;
  readonly blocks: readonly BlockDef[];
}

export interface ApplicationsTableDef {
  readonly id: 'applications';
  readonly section: number;
  readonly name: string;
  readonly cornerNote: string;
  readonly headerWords: readonly string[];
  readonly columns: readonly ColumnDef[];
  readonly rowGroups: readonly RowGroupDef[];
  readonly rows: readonly RowDef[];
}

export interface ReviewTableDef {
  readonly id: 'review';
  readonly section: number;
  readonly name: string;
  readonly headerWords: readonly string[];
  readonly columnGroups: readonly { readonly id: string; readonly label: string }[];
  readonly columns: readonly ColumnDef[];
}

export interface IdentityDef {
  readonly id: string;
  readonly rule: 'row-total' | 'item-total' | 'balance' | 'review-total';
  readonly table: 'applications' | 'review';
  readonly forEach: 'row' | 'column';
  readonly over: readonly string[];
  readonly left: readonly string[];
  readonly right: readonly string[];
  readonly total: string | null;
}

export interface Template {
  readonly version: FormatVersion;
  readonly basis: string;
  readonly reportYears: { readonly from: number; readonly to: number | null };
  readonly sections: readonly SectionDef[];
  readonly active: ActiveTableDef;
  readonly applications: ApplicationsTableDef;
  readonly review: ReviewTableDef;
  readonly identities: readonly IdentityDef[];
  /** Label keys found only in this version's tables. */
  readonly versionMarkers: readonly string[];
}
