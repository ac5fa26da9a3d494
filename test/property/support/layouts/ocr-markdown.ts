/**
 * (g) Markdown from an OCR / AI conversion (real/06): `#` headings; Table 1 one markdown table per
 * block; Table 2 one table per row group under its own `###` heading, header rows named by
 * placeholders (`数据1`…, `列1`…) or repeated, a bogus header row inserted mid-table, half-width
 * labels and abbreviated group names (`(六) 其他`); Table 3 as three small tables.
 */
import { cell, renderReport, type ReportBuilder, type Seg } from './builder';
import { dataRows, OUTCOMES, type TableModel } from './model';
import type { Rng } from './rng';
import type { LayoutRenderer } from './types';

const BOGUS = ['项目', '本年新收件数', '上年结转件数', '予以公开', '部分公开', '不予公开', '结转下年度', '总计'];
const ORG = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

/** OCR text: half-width brackets and commas, a space after the numbering. */
function ocr(label: string): string {
  return label.replace(/（/g, '(').replace(/）/g, ') ').replace(/，/g, ', ').replace(/^(\d+)\./, '$1. ').replace(/\s+$/, '').replace(/\) $/, ')');
}

function mdRow(b: ReportBuilder, segs: readonly Seg[]): void {
  const out: Seg[] = ['| '];
  segs.forEach((s, i) => out.push(i ? ' | ' : '', s));
  b.line(...out, ' |');
}

function mdHeader(b: ReportBuilder, cells: readonly string[]): void {
  mdRow(b, cells);
  b.line('|' + cells.map(() => '---').join('|') + '|');
}

function applicationsHeader(rng: Rng): string[] {
  switch (rng.int(0, 2)) {
    case 0: return ['类别', ...ORG.map((_, i) => `数据${i + 1}`), '总计'];
    case 1: return Array.from({ length: 8 }, (_, i) => `列${i + 1}`);
    default: return ['项目', ...ORG, '总计'];
  }
}

function applications(b: ReportBuilder, table: TableModel, rng: Rng): void {
  b.lines(['(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', '']);
  if (rng.chance(0.5)) {
    // Conversions of the spanned header cells into tables of their own, holding no data.
    b.lines(['### 申请人情况 (自然人)', '| (数据项目) | 数量 |', '|---|---|', '| - | - |', '']);
    b.lines(['### 申请人情况 (法人或其他组织)', '| 商业企业 | 科研机构 | 社会公益 | 法律服务机构 | 其他 |', '|---|---|---|---|---|', '| - | - | - | - | - |', '']);
  }
  const rows = dataRows(table);
  // One markdown table per innermost group (or per ungrouped row); (七)总计 and 四 join the last one.
  const chunks: (typeof rows)[] = [];
  for (const r of rows) {
    const inner = r.groups.length > 1 ? r.groups[r.groups.length - 1] : null;
    const last = chunks[chunks.length - 1];
    const joinsLast = last && ((inner && !inner.first) || /R3\.7|R4$/.test(r.key) && chunks.length > 3);
    if (joinsLast) last.push(r);
    else chunks.push([r]);
  }
  const header = applicationsHeader(rng);
  let bogusDone = false;
  for (const chunk of chunks) {
    const first = chunk[0];
    const inner = first.groups.length > 1 ? first.groups[first.groups.length - 1] : null;
    if (first.groups[0]?.first && first.groups[0].id === 'R3') b.lines(['### 三、本年度办理结果', '']);
    const title = inner ? inner.label : first.label;
    b.line('### ' + (/（六）/.test(title) ? '(六) 其他' : ocr(title)));
    mdHeader(b, rng.chance(0.8) ? header : applicationsHeader(rng));
    chunk.forEach((r, i) => {
      if (i > 0 && !bogusDone && rng.chance(0.3)) {
        bogusDone = true;
        b.line('');
        mdHeader(b, BOGUS);
      } else if (i > 0 && rng.chance(0.1)) {
        mdRow(b, header);
      }
      // A row alone under its own heading repeats it without the numbering (`予以公开`).
      const alone = chunk.length === 1 && first.groups.length < 2;
      const label = alone ? ocr(r.label).replace(/^(?:[一二三四]、|\([一二三四五六七]\)\s*)/, '') : ocr(r.label);
      mdRow(b, [label, ...r.cells.map((x, c) => cell(r.key, c, x))]);
    });
    b.line('');
  }
}

function review(b: ReportBuilder, table: TableModel): void {
  const row = dataRows(table)[0];
  const names = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
  names.forEach((name, g) => {
    b.line('### ' + name);
    b.line('| ' + OUTCOMES.join(' | ') + ' |');
    b.line('|' + OUTCOMES.map((o) => '-'.repeat(o.length * 2 + 2)).join('|') + '|');
    mdRow(b, row.cells.slice(g * 5, g * 5 + 5).map((x, i) => cell(row.key, g * 5 + i, x)));
    b.line('');
  });
}

function active(b: ReportBuilder, table: TableModel): void {
  for (const r of table.rows) {
    if (r.kind === 'caption') b.line('### ' + r.text);
    else if (r.kind === 'header') mdHeader(b, r.cells);
    else mdRow(b, [r.label, ...r.cells.map((x, i) => cell(r.key, i, x))]);
    if (r.kind === 'data' && table.rows[table.rows.indexOf(r) + 1]?.kind !== 'data') b.line('');
  }
}

export const ocrMarkdownLayout: LayoutRenderer = {
  id: 'ocr-markdown',
  title: 'markdown from OCR',
  blankAsZero: false,
  render: (model, rng) => renderReport(model, rng, {
    title: (b, year) => b.lines([`# 某某县卫生健康局${year}年政府信息公开工作年度报告`, '', '某某县卫生健康局', '']),
    heading: (b, heading) => b.lines(['## ' + heading, '']),
    table(b, table) {
      if (table.id === 'active') active(b, table);
      else if (table.id === 'applications') applications(b, table, rng);
      else review(b, table);
    },
  }),
};
