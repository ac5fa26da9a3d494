/**
 * The comparison of a report with the same body's report of the year before, as data. This shape is
 * what `xxgk-check --compare --format json` prints (docs/compare.md): fields may be added, never
 * renamed or removed. Positions are LSP-style (0-based line, UTF-16 character) in the report named.
 */
import type { Position } from '../text/lines';
import type { FormatVersion, TableId } from '../template/types';

export interface TextRange {
  readonly start: Position;
  readonly end: Position;
}

export interface ReportSide {
  readonly body: string | null;
  readonly year: number | null;
  readonly version: FormatVersion | null;
}

export interface CellChange {
  /** `<table>.<row>.<column>`, as in the CSV and JSON values. */
  readonly id: string;
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  /** Chinese label: table · row · column. */
  readonly label: string;
  /** Null when the cell was not written as a number (or not found) in that report. */
  readonly previous: number | null;
  readonly current: number | null;
  /** current − previous, when both are numbers. */
  readonly change: number | null;
  /** The change in per cent of last year's value (one decimal); null when last year's is 0 or missing. */
  readonly percent: number | null;
  /** More than the threshold in per cent, or from 0 to a number other than 0. */
  readonly large: boolean;
  readonly previousRange: TextRange | null;
  readonly currentRange: TextRange | null;
}

export interface RowChange {
  readonly table: TableId;
  readonly row: string;
  readonly label: string;
  /** `added`: found this year, not last year; `removed`: the other way round. */
  readonly kind: 'added' | 'removed';
  readonly range: TextRange | null;
}

export interface CarryOverLink {
  readonly column: string;
  readonly label: string;
  /** Last year's 四、结转下年度继续办理. */
  readonly previous: number | null;
  /** This year's 二、上年结转政府信息公开申请数量. */
  readonly current: number | null;
  /** Both read and equal; null when one could not be read. */
  readonly holds: boolean | null;
  readonly previousRange: TextRange | null;
  readonly currentRange: TextRange | null;
}

export interface CopiedParagraph {
  /** 0–1: 1 when identical once numbers and years are masked. */
  readonly similarity: number;
  readonly previousRange: TextRange;
  readonly currentRange: TextRange;
  /** This year's paragraph (cut to 200 characters). */
  readonly text: string;
}

export interface StaleYear {
  /** The year named (last year's). */
  readonly year: number;
  readonly range: TextRange;
  readonly sentence: string;
}

export interface SectionChange {
  /** 1–6 for a section; 0 for a sub-heading. */
  readonly no: number;
  readonly title: string;
  readonly kind: 'added' | 'missing';
  /** Where it is (this year's report for `added`, last year's for `missing`). */
  readonly range: TextRange | null;
}

export interface Comparison {
  readonly previous: ReportSide;
  readonly current: ReportSide;
  /** Warnings about the pair: not the year before, other bodies, other format versions. */
  readonly notes: readonly ('not-consecutive' | 'other-body' | 'other-version')[];
  readonly threshold: number;
  /** Every cell both versions have, in table order. */
  readonly cells: readonly CellChange[];
  readonly rows: readonly RowChange[];
  /** Cells of one version only (reports of different format versions): not compared. */
  readonly unmatched: { readonly previousOnly: readonly string[]; readonly currentOnly: readonly string[] };
  readonly carryOver: readonly CarryOverLink[];
  readonly copiedParagraphs: readonly CopiedParagraph[];
  readonly staleYears: readonly StaleYear[];
  readonly sections: readonly SectionChange[];
}
