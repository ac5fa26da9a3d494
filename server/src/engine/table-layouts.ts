/** How each table of a report was read, for the CLI's JSON output and the editor's status and hover. */
import type { LayoutId, Report } from './model';
import type { TableId } from './template/types';
import { TABLE_IDS } from './template/tables';

export interface TableLayoutInfo {
  readonly layout: LayoutId;
  readonly confidence: number;
  readonly readable: boolean;
}

export function tableLayouts(report: Report): Partial<Record<TableId, TableLayoutInfo>> {
  const out: Partial<Record<TableId, TableLayoutInfo>> = {};
  for (const id of TABLE_IDS) {
    const r = report.tables[id]?.reading;
    if (r) out[id] = { layout: r.layout, confidence: r.confidence, readable: r.readable };
  }
  return out;
}
