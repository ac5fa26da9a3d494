/** Empty tables of a format version, zeros filled, TAB-separated: the text a quick fix inserts. */
import type { Template, TableId } from './template/types';

export function tableSkeleton(t: Template, id: TableId, eol: string): string {
  const lines: string[] = [];
  if (id === 'active') {
    for (const b of t.active.blocks) {
      lines.push(b.label);
      lines.push(['信息内容', ...b.columns.map((c) => c.label)].join('\t'));
      for (const r of b.rows) lines.push([r.label, ...b.columns.map(() => '0')].join('\t'));
    }
  } else if (id === 'applications') {
    const def = t.applications;
    lines.push(`${def.cornerNote}\t申请人情况`);
    lines.push(['', '自然人', '法人或其他组织', '', '', '', '', '总计'].join('\t'));
    lines.push(['', '', ...def.columns.filter((c) => c.group === 'org').map((c) => c.label), ''].join('\t'));
    const zeros = def.columns.map(() => '0');
    const groupsShown = new Set<string>();
    for (const r of def.rows) {
      const chain: string[] = [];
      for (let g = r.group; g; g = def.rowGroups.find((x) => x.id === g)?.parent ?? undefined) chain.unshift(g);
      for (const g of chain) {
        if (groupsShown.has(g)) continue;
        groupsShown.add(g);
        lines.push(def.rowGroups.find((x) => x.id === g)!.label);
      }
      lines.push([r.label, ...zeros].join('\t'));
    }
  } else {
    const def = t.review;
    lines.push(['行政复议', '', '', '', '', '行政诉讼'].join('\t'));
    lines.push(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉'].join('\t'));
    lines.push(['', '', '', '', '', ...Array<string[]>(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat()].join('\t'));
    lines.push(def.columns.map(() => '0').join('\t'));
  }
  return lines.join(eol);
}
