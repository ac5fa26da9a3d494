/**
 * Builds synthetic reports for tests: the six sections and the three tables of either version,
 * in any layout met in practice, with chosen numbers. The default numbers are consistent
 * (every identity holds), worked out by hand:
 *   R1 3/1/…/4, R2 1/…/1, R3.1 2/1/…/3, R3.4.1 1/…/1, R3.7 3/1/…/4, R4 1/…/1
 *   自然人 3+1 = 3+1, 商业企业 1+0 = 1+0, 总计 4+1 = 4+1; (七)总计 = 2+1 | 1 | 3+1.
 *   Table 3: 行政复议 1+0+0+1 = 2, 直接起诉 0+1+0+0 = 1, 复议后起诉 0.
 */
import { TEMPLATES, type FormatVersion } from '../../../server/src/engine';

export type Layout = 'tab' | 'pipe' | 'markdown' | 'cells' | 'spaced';

export interface BuildOptions {
  version?: FormatVersion;
  year?: number;
  layout?: Layout;
  eol?: string;
  values?: Record<string, (number | string)[]>;
  review?: (number | string)[];
  active?: Record<string, (number | string)[]>;
  /** Section numbers whose heading line is left out. */
  omitHeadings?: number[];
  /** Replace a heading's text. */
  headings?: Record<number, string>;
  /** Group labels on the same line as their first row, as in samples 002 and 004. */
  groupsInline?: boolean;
}

export const CONSISTENT: Record<string, number[]> = {
  R1: [3, 1, 0, 0, 0, 0, 4],
  R2: [1, 0, 0, 0, 0, 0, 1],
  'R3.1': [2, 1, 0, 0, 0, 0, 3],
  'R3.4.1': [1, 0, 0, 0, 0, 0, 1],
  'R3.7': [3, 1, 0, 0, 0, 0, 4],
  R4: [1, 0, 0, 0, 0, 0, 1],
};
export const CONSISTENT_REVIEW = [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0];

function row(layout: Layout, cells: (string | number)[]): string[] {
  const c = cells.map(String);
  switch (layout) {
    case 'tab': return [c.join('\t')];
    case 'pipe': return [c.join(' | ') + ' |'];
    case 'markdown': return ['| ' + c.join(' | ') + ' |'];
    case 'spaced': return [c.map((x) => x || '  ').join('    ')];
    case 'cells': return [...c.map((x) => '\t' + x), ''];
  }
}

export function buildReport(o: BuildOptions = {}): string {
  const version = o.version ?? '2021';
  const t = TEMPLATES[version];
  const year = o.year ?? (version === '2019' ? 2020 : 2023);
  const layout = o.layout ?? 'tab';
  const out: string[] = [];
  const heading = (no: number) => {
    if (o.omitHeadings?.includes(no)) return;
    out.push(o.headings?.[no] ?? t.sections[no - 1].heading);
  };
  out.push('某某市卫生健康委员会', `${year}年政府信息公开工作年度报告`, '');
  heading(1);
  out.push(`${year}年，我委认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。`);
  out.push('（一）主动公开', `${year}年，通过门户网站主动公开政府信息 183 条。`, '');
  heading(2);
  for (const b of t.active.blocks) {
    out.push(...row(layout, [b.label, ...b.columns.map(() => '')].slice(0, layout === 'cells' ? 1 : undefined)));
    out.push(...row(layout, ['信息内容', ...b.columns.map((c) => c.label)]));
    for (const r of b.rows) out.push(...row(layout, [r.label, ...(o.active?.[`${b.id}.${r.id}`] ?? b.columns.map(() => 0))]));
  }
  out.push('');
  heading(3);
  const a = t.applications;
  out.push(...row(layout, [a.cornerNote, '申请人情况']));
  out.push(...row(layout, ['', '自然人', '法人或其他组织', '', '', '', '', '总计']));
  out.push(...row(layout, ['', '', ...a.columns.filter((c) => c.group === 'org').map((c) => c.label), '']));
  const shown = new Set<string>();
  for (const r of a.rows) {
    const values = o.values?.[r.id] ?? CONSISTENT[r.id] ?? a.columns.map(() => 0);
    const groups: string[] = [];
    for (let g = r.group; g; g = a.rowGroups.find((x) => x.id === g)?.parent ?? undefined) if (!shown.has(g)) groups.unshift(g);
    groups.forEach((g) => shown.add(g));
    const labels = groups.map((g) => a.rowGroups.find((x) => x.id === g)!.label);
    if (o.groupsInline && labels.length) out.push(...row(layout, [...labels, r.label, ...values]));
    else {
      for (const l of labels) out.push(...row(layout, [l]).filter((x) => x !== ''));
      out.push(...row(layout, [r.label, ...values]));
    }
  }
  out.push('');
  heading(4);
  out.push(...row(layout, ['行政复议', '', '', '', '', '行政诉讼']));
  out.push(...row(layout, ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉']));
  out.push(...row(layout, ['', '', '', '', '', ...Array<string[]>(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat()]));
  out.push(...row(layout, o.review ?? CONSISTENT_REVIEW));
  out.push('');
  heading(5);
  out.push('（一）存在的主要问题', '公开内容的深度和广度还有待加强。', '（二）改进情况', '下一步将进一步规范公开流程。', '');
  heading(6);
  out.push(`${year}年度本机关未收取信息处理费。`, '');
  return out.join(o.eol ?? '\n');
}
