/** How cells, rows, tables and sections are named in messages, hovers and the table preview. */
import type { Report } from '../model';
import { TEMPLATES } from '../template';
import type { ColumnDef, TableId } from '../template/types';
import { BoundedMemo } from '../text/memo';

/**
 * Table 3's column groups as readers name them: `short` before an outcome word (`直接起诉·结果维持`), `full`
 * where the group stands alone (a group's total in a message).
 */
export const REVIEW_GROUPS: Readonly<Record<string, { readonly short: string; readonly full: string }>> = {
  review: { short: '行政复议', full: '行政复议' },
  direct: { short: '直接起诉', full: '行政诉讼·未经复议直接起诉' },
  afterReview: { short: '复议后起诉', full: '行政诉讼·复议后起诉' },
};

/** A column's name as a reader needs it: Table 3's outcome words repeat, so they carry their group. */
export function columnTitle(column: ColumnDef): string {
  if (!column.id.includes('.') || column.group === undefined) return column.label;
  const group = REVIEW_GROUPS[column.group];
  return group ? `${group.short}·${column.label}` : column.label;
}

/** A short label for a row: its official wording without the long parenthetical. */
export function shortLabel(label: string): string {
  // Labels are the template's and the report's row labels, a few dozen, named again by every finding: read each once.
  let short = SHORT_LABELS.get(label);
  if (short === undefined) {
    // No opening bracket inside the parenthetical: linear on any input (`[^）)]*` was quadratic on `（（（…`).
    short = label.replace(/[（(][^（(）)]*[）)]$/, '').trim() || label;
    SHORT_LABELS.set(label, short);
  }
  return short;
}

const SHORT_LABELS = new BoundedMemo<string>(2000);

export function tableName(report: Report, id: TableId): string {
  return report.template[id].name;
}

export function sectionNumeral(no: number): string {
  return TEMPLATES['2021'].sections[no - 1].numeral;
}
