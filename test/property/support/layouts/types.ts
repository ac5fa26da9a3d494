/** What a layout renderer takes and gives back. */
import type { FormatVersion, Span, TableId } from '../../../../server/src/engine';
import type { Values } from '../generate';
import type { Rng } from './rng';

/** A report's content: which format, which year, and the numbers of its three tables. */
export interface ReportModel {
  readonly version: FormatVersion;
  readonly year: number;
  readonly values: Values;
  /**
   * How the sections are numbered (default `template`): `captions` adds a caption `表二：…` under each table's
   * heading; `own-numbering` writes 一 as its own list 一、总体情况 … 六、平台建设, numbers the table sections
   * again from 一 with captions, leaves 五 unnumbered and numbers 六 as 五 (one section-structure finding).
   */
  readonly structure?: 'template' | 'captions' | 'own-numbering';
}

export interface RenderedReport {
  readonly text: string;
  /** Where each number cell was written, by `<table>:<row id>:<column index>` (empty span: a blank written for 0). */
  readonly cells: ReadonlyMap<string, Span>;
  /** Each table's section: from its heading to the next section's heading. */
  readonly regions: Readonly<Record<TableId, Span>>;
  /** For a layout drawn over another one (look-alike glyphs): the layout underneath. */
  readonly base?: LayoutId;
}

export type LayoutId =
  | 'tab' | 'pipe' | 'cells' | 'spaced'
  | 'pdf-layout' | 'reading-order' | 'ocr-markdown' | 'web-tab' | 'glyphs';

export interface LayoutRenderer {
  readonly id: LayoutId;
  /** One line for test names and reports. */
  readonly title: string;
  /** Zeros are written as empty cells: the engine may add one `cell-blank` per table. */
  readonly blankAsZero: boolean;
  render(model: ReportModel, rng: Rng): RenderedReport;
}
