/**
 * How far a reading of a table can be trusted (0..1), with the reasons: rows found in template order,
 * rows whose cells were all placed, the table's identities that hold, and numbers left over. Structure
 * decides whether the table is readable; identities only rank readings (a real report may break them),
 * except for readings that map numbers to rows by order alone, which they must confirm.
 */
import type { Template } from '../template/types';
import type { LayoutId, ParsedTable, ReadingReason } from '../model';
import { usableCellValuesOf } from '../query/cells';
import type { TableReading } from './layouts/types';

/** Layouts whose rows mark each cell (TAB, `|`, markdown): a cell's column is certain. */
const SEPARATED: ReadonlySet<LayoutId> = new Set(['tab-rows', 'pipe-rows', 'markdown']);

export interface Assessment {
  readonly confidence: number;
  readonly readable: boolean;
  readonly reasons: readonly ReadingReason[];
}

function identityCounts(template: Template, table: ParsedTable): { holding: number; evaluated: number } {
  let holding = 0;
  let evaluated = 0;
  // The cells as the rules read them (query/cells.ts): blanks as 0, a variant row for the rows it covers.
  const cellAt = usableCellValuesOf(table);
  for (const identity of template.identities) {
    if (identity.table !== table.id) continue;
    const byRow = identity.forEach === 'row';
    /** The sum of one side, rounded as the rules round it; null when a cell of it is not usable. */
    const side = (ids: readonly string[], over: string): number | null => {
      let sum = 0;
      for (const id of ids) {
        const c = byRow ? cellAt(over, id) : cellAt(id, over);
        if (c === null || c.value === null) return null;
        sum += c.value;
      }
      return Math.round(sum * 1e6);
    };
    for (const over of identity.over) {
      const left = side(identity.left, over);
      const right = left === null ? null : side(identity.right, over);
      if (left === null || right === null) continue;
      evaluated++;
      if (left === right) holding++;
    }
  }
  return { holding, evaluated };
}

export function assessReading(template: Template, reading: TableReading): Assessment {
  const table = reading.table;
  const found = table.rows.length;
  const expected = found + table.missing.length;
  const complete = table.rows.filter((r) => r.cells !== null && r.extra.length === 0).length;
  let cells = 0;
  let textCells = 0;
  for (const r of table.rows) for (const c of r.cells ?? r.found) {
    cells++;
    if (c.kind === 'text') textCells++;
  }
  const { holding, evaluated } = identityCounts(template, table);
  const width = table.rows[0]?.columns.length ?? 1;
  const rowFrac = expected ? found / expected : 0;
  const completeFrac = found ? complete / found : 0;
  const identityFrac = evaluated ? holding / evaluated : 1;
  const leftoverFrac = Math.min(1, reading.leftovers / (width * 3));
  const textFrac = cells ? textCells / cells : 0;

  const truncated = table.truncatedAt !== null;
  const minRows = table.id === 'review' ? 1 : Math.min(3, expected);
  let readable = found >= minRows && rowFrac >= 0.6 && textCells <= Math.max(3, cells * 0.1);
  // A cut-off text leaves its last row incomplete: that is report-truncated's finding, not a misreading.
  if (!truncated) readable &&= table.id === 'review' ? complete === 1 || (table.rows[0]?.found.length ?? 0) > width : completeFrac >= 0.6;
  // Without cell separators the numbers are given to rows by their sequence (one cell per line) or by their
  // line (space-aligned columns, PDF lines): a row short of numbers there more likely means the sequence went
  // astray than a number left out, and every row after it is in doubt. TAB, `|` and markdown rows place
  // each cell: a short row there is the row's own.
  if (table.id !== 'review' && !truncated && !SEPARATED.has(reading.layout)) {
    const incomplete = table.rows.filter((r) => r.cells === null || r.extra.length > 0).length;
    readable &&= incomplete <= (reading.layout === 'cell-per-line' || reading.layout === 'reading-order' ? 0 : 1);
  }
  // Order alone maps numbers to rows: a shifted mapping breaks nearly every identity, a real report only a few.
  if (reading.byOrder) readable &&= evaluated >= 5 && identityFrac >= 0.75;
  // A whole row's worth of numbers placed nowhere while a row is missing: the reading lost that row's label.
  if (table.missing.length > 0 && reading.leftovers >= width) readable = false;

  const confidence = Math.max(0, Math.min(1,
    0.35 * rowFrac + 0.35 * completeFrac + 0.2 * identityFrac + 0.1 * (1 - leftoverFrac) - 0.5 * textFrac));
  const reasons: ReadingReason[] = [
    { key: 'reading.rows', args: { found, expected }, against: rowFrac < 0.6 },
    { key: 'reading.complete', args: { complete, found }, against: completeFrac < 0.6 },
  ];
  if (evaluated) reasons.push({ key: 'reading.identities', args: { holding, evaluated }, against: identityFrac < 0.9 });
  if (reading.leftovers) reasons.push({ key: 'reading.leftovers', args: { count: reading.leftovers }, against: leftoverFrac > 0.3 });
  if (textCells) reasons.push({ key: 'reading.textCells', args: { count: textCells }, against: textCells > Math.max(3, cells * 0.1) });
  return { confidence: Math.round(confidence * 1000) / 1000, readable, reasons };
}

/** Every row found, every row complete, nothing left over: no other reader can do better. */
export function isPerfect(reading: TableReading): boolean {
  const t = reading.table;
  return reading.leftovers === 0 && t.missing.length === 0 && t.truncatedAt === null
    && t.rows.every((r) => r.cells !== null && r.extra.length === 0 && r.cells.every((c) => c.kind !== 'text'));
}
