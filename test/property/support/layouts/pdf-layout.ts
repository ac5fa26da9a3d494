/**
 * (e) PDF text through `pdftotext -layout` (real/01): space-aligned columns, but long labels wrap
 * over 2–4 lines at a random width with the numbers on any one of them (or on a line of their
 * own), group labels (`（三）不予公开`, `（六）其他处理`) on lines of their own among their sub-rows,
 * sometimes broken in two (`（六）其` … `他处理`), the vertical label 三、本年度办理结果 spread out
 * with spaces or one character a line, page footers (`-3-`) anywhere, also inside a table, header
 * blocks over several lines, and the review table's 15 numbers on one line far below its headers.
 */
import { cell, renderReport, type ReportBuilder, type Seg } from './builder';
import { dataRows, type TableModel, type TableRowModel } from './model';
import type { Rng } from './rng';
import type { LayoutRenderer } from './types';

type DataRow = Extract<TableRowModel, { kind: 'data' }>;
type Line = Seg[];

function footerLine(rng: Rng, page: number): Line {
  return [rng.spaces(4, 70) + `-${page}-`];
}

/** A fragment as pdftotext may space it: sometimes a space inside (`这一情 形`). */
function jitter(s: string, rng: Rng): string {
  if (s.length < 3 || !rng.chance(0.15)) return s;
  const at = rng.int(1, s.length - 1);
  return s.slice(0, at) + ' ' + s.slice(at);
}

/** A label cut into pieces of at most `width` characters (2–4 pieces when it is longer). */
function wrap(label: string, width: number): string[] {
  if (label.length <= width) return [label];
  const w = Math.max(width, Math.ceil(label.length / 4));
  const out: string[] = [];
  for (let i = 0; i < label.length; i += w) out.push(label.slice(i, i + w));
  return out;
}

/** An index in [lo, hi], more often near the middle. */
function middling(rng: Rng, lo: number, hi: number): number {
  return Math.round((rng.int(lo, hi) + rng.int(lo, hi)) / 2);
}

interface Columns {
  readonly start: number;
  readonly widths: readonly number[];
}

function numberSegs(row: DataRow, cols: Columns, from: number): Line {
  const out: Line = [' '.repeat(Math.max(2, cols.start - from))];
  row.cells.forEach((x, i) => {
    const w = cols.widths[i % cols.widths.length];
    out.push(' '.repeat(Math.max(1, w - x.length)), cell(row.key, i, x));
  });
  return out;
}

/** A data row's lines: its label wrapped, its numbers on one of the label's lines or on their own. */
function rowLines(row: DataRow, indent: number, width: number, cols: Columns, rng: Rng): Line[] {
  const pieces = wrap(row.label, width).map((p) => jitter(p, rng));
  const pad = ' '.repeat(indent);
  const lines: Line[] = pieces.map((p) => [pad + p]);
  if (pieces.length > 1 && rng.chance(0.25)) {
    const at = rng.int(1, pieces.length);
    lines.splice(at, 0, numberSegs(row, cols, 0));
  } else {
    const at = middling(rng, 0, pieces.length - 1);
    const from = indent + pieces[at].length;
    lines[at] = [...lines[at], ...numberSegs(row, cols, from)];
  }
  return lines;
}

/** Where extra lines go: before the data row of that index (or at the end, index = rows). */
class Inserts {
  private readonly at = new Map<number, Line[]>();
  add(index: number, line: Line): void {
    const xs = this.at.get(index) ?? [];
    xs.push(line);
    this.at.set(index, xs);
  }
  get(index: number): Line[] {
    return this.at.get(index) ?? [];
  }
}

function groupLabels(rows: readonly DataRow[], inserts: Inserts, indent: number, rng: Rng): void {
  const spans = new Map<string, { label: string; depth: number; from: number; to: number }>();
  rows.forEach((r, i) => r.groups.forEach((g, depth) => {
    const s = spans.get(g.id);
    if (s) s.to = i;
    else spans.set(g.id, { label: g.label, depth, from: i, to: i });
  }));
  for (const g of spans.values()) {
    if (g.depth === 0) {
      // The vertical label of the results block: spread out with spaces, or one character a line.
      if (rng.chance(0.5)) {
        const spread = [...g.label].map((ch) => ch + (rng.chance(0.5) ? ' ' : '')).join('').trimEnd();
        inserts.add(middling(rng, g.from + 1, g.to), [rng.spaces(0, 2) + spread]);
        for (let k = rng.int(0, 3); k > 0; k--) inserts.add(middling(rng, g.from + 1, g.to), ['']);
      } else {
        let at = rng.int(g.from, g.to - [...g.label].length + 1);
        for (const ch of g.label) inserts.add(Math.min(g.to + 1, ++at), [rng.spaces(0, 2) + ch]);
      }
      continue;
    }
    const pad = ' '.repeat(indent);
    const at = middling(rng, g.from, g.to + 1);
    if (rng.chance(0.4) && g.label.length > 3) {
      // Broken in two, the second part one row further down or right below the first.
      const cut = rng.int(2, g.label.length - 1);
      inserts.add(at, [pad + g.label.slice(0, cut)]);
      inserts.add(Math.min(g.to + 1, at + rng.int(0, 1)), [pad + g.label.slice(cut)]);
    } else {
      inserts.add(at, [pad + g.label]);
    }
  }
}

function applications(b: ReportBuilder, t: TableModel, rng: Rng): void {
  const cols: Columns = { start: rng.int(40, 52), widths: Array.from({ length: 7 }, () => rng.int(4, 7)) };
  const headers = t.rows.filter((r): r is Extract<TableRowModel, { kind: 'header' }> => r.kind === 'header');
  // Header block over several lines: the corner note wrapped, the column names stacked.
  b.line(' '.repeat(cols.start + rng.int(10, 20)) + '申请人情况');
  b.line('');
  b.line(' '.repeat(cols.start + rng.int(8, 14)) + '法人或其他组织');
  const note = headers[0].cells[0];
  const noteWidth = rng.int(14, 26);
  for (let i = 0; i < note.length; i += noteWidth) b.line(jitter(note.slice(i, i + noteWidth), rng));
  const org = headers[2].cells.filter((x) => x).map((x) => x.match(/.{1,2}/g) ?? [x]);
  const edgeLine = rng.pick([0, 2]);
  for (let line = 0; line < 5; line++) {
    const parts = org.flatMap((f) => {
      const first = 2 - (f.length - 1);
      const k = (line - first) / 2;
      return line >= first && Number.isInteger(k) && k < f.length ? [f[k]] : [];
    });
    const edge = line === edgeLine;
    b.line(' '.repeat(cols.start - (edge ? 0 : -6)) + (edge ? '自然人' + rng.spaces(5, 9) : '') + parts.join(' ') + (edge ? rng.spaces(10, 16) + '总计' : ''));
  }
  b.line('');
  const rows = dataRows(t);
  const width = rng.int(8, 16);
  const groupIndent = rng.int(4, 18);
  const subIndent = groupIndent + rng.int(8, 12);
  const inserts = new Inserts();
  groupLabels(rows, inserts, groupIndent, rng);
  for (let k = rng.int(0, 2); k > 0; k--) inserts.add(rng.int(1, rows.length - 1), footerLine(rng, 3));
  rows.forEach((r, i) => {
    for (const l of inserts.get(i)) b.line(...l);
    const indent = r.groups.length === 0 ? rng.int(0, 1) : r.groups.length === 1 ? groupIndent : subIndent;
    for (const l of rowLines(r, indent, width, cols, rng)) b.line(...l);
    if (rng.chance(0.15)) b.line('');
  });
  for (const l of inserts.get(rows.length)) b.line(...l);
  b.line('');
}

function active(b: ReportBuilder, t: TableModel, rng: Rng): void {
  const start = rng.int(18, 40);
  for (const r of t.rows) {
    if (rng.chance(0.1)) b.line(...footerLine(rng, 2));
    if (r.kind === 'caption') b.lines([rng.spaces(10, 40) + r.text, '', '']);
    else if (r.kind === 'header') b.lines([rng.spaces(6, 20) + r.cells.join(rng.spaces(3, 6)), '', '']);
    else {
      b.line(...[r.label, ...numberSegs(r, { start: Math.max(start, r.label.length + 2), widths: [rng.int(6, 12)] }, r.label.length)]);
      if (rng.chance(0.6)) b.line('');
    }
  }
}

/** Table 3: a header block of stacked fragments, then its one row of 15 numbers far below. */
function review(b: ReportBuilder, t: TableModel, rng: Rng): void {
  const row = dataRows(t)[0];
  const tops = ['结果', '结果', '其他', '尚未'];
  const bottoms = ['维持', '纠正', '结果', '审结'];
  b.line(rng.spaces(8, 12) + '行政复议' + rng.spaces(25, 35) + '行政诉讼');
  b.line('');
  b.line(rng.spaces(28, 32) + '未经复议直接起诉' + rng.spaces(15, 20) + '复议后起诉');
  b.line('');
  b.line(tops.join(rng.spaces(3, 5)));
  b.line(rng.spaces(18, 22) + '总 计 ' + tops.join(' ') + rng.spaces(5, 8) + tops.join(' '));
  b.line(bottoms.join(rng.spaces(3, 5)) + rng.spaces(40, 50) + '总计');
  b.line(rng.spaces(40, 44) + '总 计');
  b.line(rng.spaces(22, 26) + bottoms.join(' ') + rng.spaces(5, 8) + bottoms.join(' '));
  for (let k = rng.int(2, 5); k > 0; k--) b.line('');
  if (rng.chance(0.3)) b.lines([...footerLine(rng, 4).map(String), '']);
  const segs: Line = [];
  row.cells.forEach((x, i) => segs.push(i ? rng.spaces(2, 6) : '', cell(row.key, i, x)));
  b.line(...segs);
  b.line('');
}

export const pdfLayoutLayout: LayoutRenderer = {
  id: 'pdf-layout',
  title: 'pdftotext -layout',
  blankAsZero: false,
  render: (model, rng) => renderReport(model, rng, {
    title: (b, year) => b.lines([rng.spaces(10, 16) + '某某县卫生健康局', rng.spaces(4, 8) + `${year}年政府信息公开工作年度报告`, '']),
    heading: (b, heading) => b.line(rng.spaces(0, 6) + heading),
    table(b, t) {
      if (t.id === 'active') active(b, t, rng);
      else if (t.id === 'applications') applications(b, t, rng);
      else review(b, t, rng);
    },
    between: (b, page, r) => {
      if (r.chance(0.7)) b.lines(['', r.spaces(5, 40) + `-${page}-`]);
    },
  }),
};
