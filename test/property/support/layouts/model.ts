/**
 * A report model as the rows a table is drawn from, whatever the layout: block captions, header
 * rows, and data rows with their labels, the row groups they belong to and their numbers as written.
 */
import { parseReport, TEMPLATES, type TableId } from '../../../../server/src/engine';
import type { Values } from '../generate';
import type { ReportModel } from './types';

export interface GroupRef {
  readonly id: string;
  readonly label: string;
  /** This row opens the group (a rowspan cell is written on it). */
  readonly first: boolean;
  readonly last: boolean;
}

export type TableRowModel =
  | { readonly kind: 'caption'; readonly text: string }
  | { readonly kind: 'header'; readonly cells: readonly string[] }
  | {
    readonly kind: 'data';
    /** `<table>:<row id>`: with `:<column index>` the key of a cell in `RenderedReport.cells`. */
    readonly key: string;
    readonly label: string;
    /** Outermost first. */
    readonly groups: readonly GroupRef[];
    readonly cells: readonly string[];
  };

export interface TableModel {
  readonly id: TableId;
  readonly rows: readonly TableRowModel[];
}

export const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const TABLE_IDS: readonly TableId[] = ['active', 'applications', 'review'];

function activeTable(model: ReportModel): TableModel {
  const rows: TableRowModel[] = [];
  for (const b of TEMPLATES[model.version].active.blocks) {
    rows.push({ kind: 'caption', text: b.label });
    rows.push({ kind: 'header', cells: ['信息内容', ...b.columns.map((c) => c.label)] });
    for (const r of b.rows) {
      rows.push({ kind: 'data', key: `active:${b.id}.${r.id}`, label: r.label, groups: [], cells: model.values.active[`${b.id}.${r.id}`] });
    }
  }
  return { id: 'active', rows };
}

function applicationsTable(model: ReportModel): TableModel {
  const def = TEMPLATES[model.version].applications;
  const org = def.columns.filter((c) => c.group === 'org').map((c) => c.label);
  const rows: TableRowModel[] = [
    { kind: 'header', cells: [def.cornerNote, '申请人情况'] },
    { kind: 'header', cells: ['', '自然人', '法人或其他组织', '', '', '', '', '总计'] },
    { kind: 'header', cells: ['', '', ...org, ''] },
  ];
  const chainOf = (group: string | undefined): string[] => {
    const chain: string[] = [];
    for (let g = group; g; g = def.rowGroups.find((x) => x.id === g)?.parent ?? undefined) chain.unshift(g);
    return chain;
  };
  def.rows.forEach((r, i) => {
    const before = chainOf(def.rows[i - 1]?.group);
    const after = chainOf(def.rows[i + 1]?.group);
    const groups = chainOf(r.group).map((id) => ({
      id, label: def.rowGroups.find((x) => x.id === id)!.label, first: !before.includes(id), last: !after.includes(id),
    }));
    rows.push({ kind: 'data', key: `applications:${r.id}`, label: r.label, groups, cells: model.values.applications[r.id].map(String) });
  });
  return { id: 'applications', rows };
}

function reviewTable(model: ReportModel): TableModel {
  return {
    id: 'review',
    rows: [
      { kind: 'header', cells: ['行政复议', '', '', '', '', '行政诉讼'] },
      { kind: 'header', cells: [...OUTCOMES, '未经复议直接起诉', '', '', '', '', '复议后起诉'] },
      { kind: 'header', cells: ['', '', '', '', '', ...OUTCOMES, ...OUTCOMES] },
      { kind: 'data', key: 'review:cases', label: '', groups: [], cells: model.values.review.map(String) },
    ],
  };
}

export function tableModel(model: ReportModel, id: TableId): TableModel {
  return id === 'active' ? activeTable(model) : id === 'applications' ? applicationsTable(model) : reviewTable(model);
}

export function dataRows(t: TableModel): Extract<TableRowModel, { kind: 'data' }>[] {
  return t.rows.filter((r): r is Extract<TableRowModel, { kind: 'data' }> => r.kind === 'data');
}

/**
 * The numbers of a bundled sample, read by the engine from the sample as published (samples 002
 * and 003 are consistent). A blank cell reads as the 0 the engine gives it.
 */
export function modelFromSample(text: string): ReportModel {
  const report = parseReport(text);
  const rowsOf = (id: TableId) => report.tables[id]?.rows ?? [];
  const numbers = (id: TableId): Record<string, number[]> =>
    Object.fromEntries(rowsOf(id).map((r) => [r.id, (r.cells ?? []).map((c) => c.value ?? 0)]));
  const values: Values = {
    applications: numbers('applications'),
    review: numbers('review').cases ?? [],
    active: Object.fromEntries(rowsOf('active').map((r) => [r.id, (r.cells ?? []).map((c) => (c.kind === 'blank' ? '0' : c.raw))])),
  };
  if (!report.year) throw new Error('sample without a year');
  return { version: report.version.used, year: report.year.value, values };
}
