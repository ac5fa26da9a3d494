/**
 * (f) Reading-order PDF text (pdftotext without -layout, copy from some viewers): one token a line.
 * A table's header comes as fragments; its row labels come as one block and its numbers as
 * per-row blocks, the labels before or after the numbers, with header fragments and page footers
 * between. The mapping stays recoverable: labels in template order, one number block per row,
 * each block as wide as the table (the condition for reading it).
 */
import { cell, plainTitle, renderReport, type ReportBuilder } from './builder';
import { dataRows, type TableModel } from './model';
import type { Rng } from './rng';
import type { LayoutRenderer } from './types';

/** A long header cell broken where a PDF text run would break it. */
function fragments(text: string, rng: Rng): string[] {
  if (text.length <= 12 || rng.chance(0.3)) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const n = rng.int(8, 16);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

function footer(b: ReportBuilder, rng: Rng): void {
  const page = rng.int(1, 9);
  b.line(rng.pick([`-${page}-`, `- ${page} -`, `— ${page} —`, `第${page}页`]));
}

function table(b: ReportBuilder, t: TableModel, rng: Rng): void {
  // Captions and headers first, as fragments, one a line.
  const rows = dataRows(t);
  const headerCells: string[] = [];
  for (const r of t.rows) {
    if (r.kind === 'caption') b.line(r.text);
    else if (r.kind === 'header') for (const c of r.cells.filter((x) => x)) {
      headerCells.push(c);
      b.lines(fragments(c, rng));
    }
    else break;
  }
  // Rows in one or more page chunks; each chunk has its labels block and its numbers block.
  const chunks: (typeof rows)[] = [];
  const pages = t.id === 'applications' ? rng.int(1, 3) : 1;
  const size = Math.ceil(rows.length / pages);
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  chunks.forEach((chunk, k) => {
    const labels = () => {
      for (const r of chunk) {
        for (const g of r.groups.filter((x) => x.first)) b.line(g.label);
        if (r.label) b.line(r.label);
      }
    };
    const numbers = () => {
      for (const r of chunk) r.cells.forEach((x, i) => b.line(cell(r.key, i, x)));
    };
    const labelsFirst = rng.chance(0.5);
    (labelsFirst ? labels : numbers)();
    if (rng.chance(0.3)) footer(b, rng);
    if (rng.chance(0.3)) b.line(rng.pick(headerCells.filter((c) => c.length <= 12)) ?? headerCells[0]);
    (labelsFirst ? numbers : labels)();
    if (k < chunks.length - 1) footer(b, rng);
  });
}

/** Table 1: each block in reading order (caption, header cells, labels, numbers or numbers, labels). */
function active(b: ReportBuilder, t: TableModel, rng: Rng): void {
  let block: TableModel['rows'][number][] = [];
  const flush = () => {
    if (block.length) table(b, { id: 'active', rows: block }, rng);
    block = [];
  };
  for (const r of t.rows) {
    if (r.kind === 'caption') flush();
    block.push(r);
  }
  flush();
}

export const readingOrderLayout: LayoutRenderer = {
  id: 'reading-order',
  title: 'reading-order PDF text',
  blankAsZero: false,
  render: (model, rng) => renderReport(model, rng, {
    title: plainTitle,
    heading: (b, heading) => b.line(heading),
    table(b, t) {
      if (t.id === 'active') active(b, t, rng);
      else table(b, t, rng);
    },
    between: (b, _page, r) => {
      if (r.chance(0.5)) footer(b, r);
    },
  }),
};
