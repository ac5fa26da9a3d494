/**
 * The table parser: every layout reader that can read the table offers a reading, and the most
 * trustworthy readable one is kept. When none is readable the table is kept with no rows and its
 * reading marked unreadable: it is reported once (`table-unreadable`) and nothing is read from it.
 */
import type { Line } from '../text/lines';
import type { TableId, Template } from '../template/types';
import { makeTable, type Caption, type ParsedTable } from '../model';
import { shapeOf } from './layouts/shape';
import { LAYOUT_READERS, type Region, type TableReading } from './layouts';
import { assessReading, isPerfect, type Assessment } from './confidence';

export type { Region } from './layouts';

export function readTable(id: TableId, template: Template, lines: readonly Line[], region: Region): ParsedTable | null {
  const offers: { reading: TableReading; assessment: Assessment }[] = [];
  for (const reader of LAYOUT_READERS) {
    if (!reader.tables.includes(id)) continue;
    const reading = reader.read(template, lines, region, id);
    if (!reading) continue;
    offers.push({ reading, assessment: assessReading(template, reading) });
    // The common case: a clean reading leaves nothing for another layout to improve.
    if (offers.length === 1 && isPerfect(reading)) break;
  }
  if (!offers.length) return null;
  const ranked = offers
    .map((o, order) => ({ ...o, order }))
    .sort((a, b) => Number(b.assessment.readable) - Number(a.assessment.readable)
      || b.assessment.confidence - a.assessment.confidence || a.order - b.order);
  const best = ranked[0];
  const tried = ranked.map((o) => ({ layout: o.reading.layout, confidence: o.assessment.confidence }));
  const reading = {
    layout: best.reading.layout, confidence: best.assessment.confidence, readable: best.assessment.readable,
    reasons: best.assessment.reasons, tried,
  };
  const table = best.reading.table;
  if (reading.readable) return makeTable({ ...table, reading });
  return makeTable({ ...table, rows: [], groups: [], missing: [], truncatedAt: null, variants: undefined, reading });
}

/** How many rows a table of this template has (Table 1: every block's rows; Table 3: its one row). */
function templateRowCount(id: TableId, template: Template): number {
  if (id === 'active') return template.active.blocks.reduce((n, b) => n + b.rows.length, 0);
  if (id === 'applications') return template.applications.rows.length;
  return 1;
}

/**
 * A table its caption announces (`表三：…`) that no reader found in the region after it: it is there but cannot be
 * placed with confidence, so it is kept unreadable (one `table-unreadable`), never reported missing.
 */
export function unplacedTable(
  id: TableId, template: Template, lines: readonly Line[], caption: Caption, region: Region | undefined,
): ParsedTable {
  const from = region ? Math.min(region.from, caption.line) : caption.line;
  const to = region ? Math.max(region.to, caption.line) : caption.line;
  const expected = templateRowCount(id, template);
  return makeTable({
    id, version: template.version, span: caption.span, firstLine: caption.line, lastLine: to,
    rows: [], groups: [], missing: [], truncatedAt: null, blocks: undefined, variants: undefined,
    reading: {
      layout: shapeOf(lines, { from, to }), confidence: 0, readable: false, tried: [],
      reasons: [
        { key: 'reading.rows', args: { found: 0, expected }, against: true },
        { key: 'reading.complete', args: { complete: 0, found: 0 }, against: true },
      ],
    },
  });
}
