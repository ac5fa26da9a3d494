/**
 * The table registry: the three tables of the report, each declared once with the anchor that starts it in the
 * text; the section each belongs to is the template's (`sections[].table`), the same in both versions.
 * Everything else that lists tables derives from `TABLES`. The readers (how each table is read) are in parse/;
 * a new table is one entry here plus its reader.
 */
import { TEMPLATES } from './index';
import { ACTIVE_ANCHOR_PREFIX, CORNER_NOTE_KEYS } from './matching';
import type { TableId } from './types';

export interface TableEntry {
  readonly id: TableId;
  /** The section (1–6) the table belongs to. */
  readonly section: number;
  /** Whether a field of a line (its label key; `separated`: the line has several fields) starts the table. */
  readonly anchor: (key: string, separated: boolean) => boolean;
  /** Whether the format version's markers are looked for in the table's region (docs/format.md, "Telling the version"). */
  readonly versionMarkers: boolean;
}

/** One entry per table id, in the order of the report: the record type makes a missing id a compile error. */
const BY_ID: { readonly [K in TableId]: Omit<TableEntry, 'id' | 'section'> } = {
  active: { versionMarkers: true, anchor: (key) => key.startsWith(ACTIVE_ANCHOR_PREFIX) && key.length <= 10 },
  applications: {
    versionMarkers: true,
    anchor: (key, separated) => CORNER_NOTE_KEYS.some((k) => key.includes(k)) || (separated && key.includes('本年新收')) || key === '申请人情况',
  },
  review: { versionMarkers: false, anchor: (key, separated) => key === '行政复议' || (separated && key.startsWith('行政复议行政诉讼')) },
};

const sectionOf = (id: TableId): number => {
  const section = TEMPLATES['2021'].sections.find((s) => s.table === id);
  if (!section) throw new Error(`no section holds table ${id}`);
  return section.no;
};

export const TABLES: readonly TableEntry[] = (Object.keys(BY_ID) as TableId[]).map((id) => ({ id, section: sectionOf(id), ...BY_ID[id] }));

/** The table ids in the order of the report. */
export const TABLE_IDS: readonly TableId[] = TABLES.map((t) => t.id);

/** The table of a section, if it has one. */
export function tableOfSection(no: number): TableId | undefined {
  return TABLES.find((t) => t.section === no)?.id;
}
