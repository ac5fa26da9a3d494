/** The extension point for table layouts: each reader offers a reading of a table region. */
import type { Line } from '../../text/lines';
import type { TableId, Template } from '../../template/types';
import type { LayoutId, ParsedTable } from '../../model';

export interface Region {
  readonly from: number;
  readonly to: number;
}

export interface TableReading {
  readonly table: ParsedTable;
  readonly layout: LayoutId;
  /** Numbers in the region that the reading placed in no cell. */
  readonly leftovers: number;
  /**
   * The reader only maps values to rows by their order (no label beside its numbers): it must be
   * confirmed by the table's identities before it is trusted.
   */
  readonly byOrder?: boolean;
}

export interface LayoutReader {
  readonly id: string;
  readonly tables: readonly TableId[];
  /** A reading of the region, or null when the layout's signature is absent (give up early). */
  read(template: Template, lines: readonly Line[], region: Region, table: TableId): TableReading | null;
}
