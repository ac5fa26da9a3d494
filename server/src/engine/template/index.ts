import data2019 from './template-2019.json';
import data2021 from './template-2021.json';
import { labelKey } from '../text/normalize';
import {
  APPLICATION_GROUP_KEYS, APPLICATION_HEADER_WORDS, APPLICATION_ROW_MATCH, REVIEW_HEADER_WORDS,
  SECTION_KEYWORDS,
} from './matching';
import type {
  ActiveTableDef, ApplicationsTableDef, BlockDef, CellType, ColumnDef, FormatVersion, IdentityDef,
  ReviewTableDef, SectionDef, Template,
} from './types';

export * from './types';

/** The shape of spec/template-*.json (only the fields we read). */
interface RawColumn { id: string; label: string; type: string; unit?: string | null; group?: string }
interface RawTemplate {
  version: string;
  basis: string;
  reportYears: { from: number; to: number | null };
  sections: { no: number; numeral: string; title: string; heading: string; table: string | null }[];
  tables: {
    id: string; section: number; name: string;
    blocks?: { id: string; label: string; columns: RawColumn[]; rows: { id: string; label: string }[] }[];
    cornerNote?: string;
    columns?: RawColumn[];
    columnGroups?: { id: string; label: string }[];
    rowGroups?: { id: string; label: string; parent: string | null }[];
    rows?: { id: string; label: string | null; group?: string }[];
  }[];
  identities: {
    id: string; rule: string; table: string; forEach: string; over: string[]; left: string[]; right: string[]; total: string | null;
  }[];
  versionMarkers: string[];
}

const BLOCK_ITEMS: Record<string, number> = { 一: 1, 五: 5, 六: 6, 八: 8, 九: 9 };

function column(c: RawColumn): ColumnDef {
  const type = c.type as CellType;
  if (type !== 'integer' && type !== 'signedInteger' && type !== 'decimal') throw new Error(`unknown cell type ${c.type}`);
  return { id: c.id, label: c.label, type, unit: c.unit, group: c.group };
}

function build(raw: RawTemplate): Template {
  const version = raw.version as FormatVersion;
  const table = (id: string) => {
    const t = raw.tables.find((x) => x.id === id);
    if (!t) throw new Error(`template ${raw.version} lacks table ${id}`);
    return t;
  };
  const sections: SectionDef[] = raw.sections.map((s) => ({
    no: s.no, numeral: s.numeral, title: s.title, heading: s.heading,
    table: (s.table as SectionDef['table']) ?? null,
    allOf: SECTION_KEYWORDS[s.no].allOf, noneOf: SECTION_KEYWORDS[s.no].noneOf,
  }));
  const a = table('active');
  const blocks: BlockDef[] = (a.blocks ?? []).map((b) => {
    const m = /第(.)项/.exec(b.label.replace(/[（）()]/g, ''));
    return { id: b.id, label: b.label, item: m ? BLOCK_ITEMS[m[1]] ?? 0 : 0, columns: b.columns.map(column), rows: b.rows };
  });
  const active: ActiveTableDef = { id: 'active', section: a.section, name: a.name, blocks };
  const t2 = table('applications');
  const applications: ApplicationsTableDef = {
    id: 'applications', section: t2.section, name: t2.name, cornerNote: t2.cornerNote ?? '',
    headerWords: APPLICATION_HEADER_WORDS,
    columns: (t2.columns ?? []).map(column),
    rowGroups: (t2.rowGroups ?? []).map((g) => ({
      id: g.id, label: g.label, parent: g.parent, keys: APPLICATION_GROUP_KEYS[g.id] ?? [labelKey(g.label)],
    })),
    rows: (t2.rows ?? []).map((r) => {
      const match = APPLICATION_ROW_MATCH[r.id];
      if (!match) throw new Error(`no matching keys for row ${r.id}`);
      return { id: r.id, label: r.label ?? '', group: r.group, match };
    }),
  };
  const t3 = table('review');
  const review: ReviewTableDef = {
    id: 'review', section: t3.section, name: t3.name, headerWords: REVIEW_HEADER_WORDS,
    columnGroups: t3.columnGroups ?? [], columns: (t3.columns ?? []).map(column),
  };
  const identities: IdentityDef[] = raw.identities.map((i) => ({
    id: i.id, rule: i.rule as IdentityDef['rule'], table: i.table as IdentityDef['table'],
    forEach: i.forEach as IdentityDef['forEach'], over: i.over, left: i.left, right: i.right, total: i.total,
  }));
  return {
    version, basis: raw.basis, reportYears: raw.reportYears, sections, active, applications, review, identities,
    versionMarkers: raw.versionMarkers.map(labelKey),
  };
}

export const TEMPLATES: Record<FormatVersion, Template> = {
  '2019': build(data2019),
  '2021': build(data2021),
};

/** The format a report of this year must use (null before 2019: out of scope). */
export function expectedVersion(year: number): FormatVersion | null {
  if (year < 2019) return null;
  return year <= 2020 ? '2019' : '2021';
}
