/**
 * A PDF to report text with Mozilla's pdf.js (legacy build, for Node): text items with their positions, lines
 * rebuilt by baseline, tables from the drawn rules (pdf-tables.ts) with the text of each cell joined, page
 * numbers in the margins dropped, a table header repeated after a page break dropped, wrapped paragraphs
 * joined. Text outside ruled tables with wide gaps keeps them as TABs (tables drawn without borders).
 */
import { findTables, ruleOfSegment, rulesOfFilledRect, rulesOfStrokedRect, type Rule, type TableGrid } from './pdf-tables';
import { MAX_ITEMS_PER_PAGE, MAX_PAGE_SIDE, MAX_PAGES } from './limits';
import { fieldOf } from './grid';
import { TextBuilder, type OutputCell } from './output';
import { joinPieces } from './text-join';
import { ConversionError, type Box, type Converted, type SourceLocation } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

interface Glyph {
  readonly str: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline, from the page top. */
  readonly y: number;
  readonly size: number;
}

interface TextLine {
  readonly glyphs: Glyph[];
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly size: number;
}

type Matrix = [number, number, number, number, number, number];

const MAX_RULES_PER_PAGE = 6000;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Rules drawn on a page, in top-left page coordinates. */
function pageRules(pdfjs: PdfJs, fnArray: number[], argsArray: unknown[], view: number[]): Rule[] {
  const { OPS } = pdfjs;
  const top = view[3];
  const rules: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let rects: [number, number, number, number][] = [];
  let segments: [number, number, number, number][] = [];
  const toPage = (x: number, y: number): [number, number] => {
    const [px, py] = apply(ctm, x, y);
    return [px - view[0], top - py];
  };
  for (let i = 0; i < fnArray.length && rules.length < MAX_RULES_PER_PAGE; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save: stack.push(ctm); break;
      case OPS.restore: ctm = stack.pop() ?? ctm; break;
      case OPS.transform: ctm = multiply(ctm, args as Matrix); break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args?.[0]) && (args[0] as number[]).length === 6) ctm = multiply(ctm, args[0] as Matrix);
        break;
      case OPS.paintFormXObjectEnd: ctm = stack.pop() ?? ctm; break;
      case OPS.constructPath: {
        const ops = (args?.[0] ?? []) as number[];
        const coords = (args?.[1] ?? []) as number[];
        let k = 0;
        let cur: [number, number] = [0, 0];
        for (const op of ops) {
          if (op === OPS.rectangle) {
            const [x, y, w, h] = coords.slice(k, k + 4);
            k += 4;
            const [ax, ay] = toPage(x, y);
            const [bx, by] = toPage(x + w, y + h);
            rects.push([ax, ay, bx, by]);
          } else if (op === OPS.moveTo) {
            cur = toPage(coords[k], coords[k + 1]);
            k += 2;
          } else if (op === OPS.lineTo) {
            const next = toPage(coords[k], coords[k + 1]);
            k += 2;
            segments.push([cur[0], cur[1], next[0], next[1]]);
            cur = next;
          } else if (op === OPS.curveTo) k += 6;
          else if (op === OPS.curveTo2 || op === OPS.curveTo3) k += 4;
        }
        break;
      }
      case OPS.fill: case OPS.eoFill:
        for (const r of rects) rules.push(...rulesOfFilledRect(...r));
        rects = [];
        segments = [];
        break;
      case OPS.stroke: case OPS.closeStroke: case OPS.fillStroke:
      case OPS.eoFillStroke: case OPS.closeFillStroke: case OPS.closeEOFillStroke:
        for (const r of rects) rules.push(...rulesOfStrokedRect(...r));
        for (const s of segments) {
          const rule = ruleOfSegment(...s);
          if (rule) rules.push(rule);
        }
        rects = [];
        segments = [];
        break;
      case OPS.endPath:
        rects = [];
        segments = [];
        break;
    }
  }
  return rules;
}

/** Glyphs grouped into lines by baseline, each line left to right. */
function linesOf(glyphs: readonly Glyph[]): TextLine[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: { glyphs: Glyph[]; y: number; size: number }[] = [];
  for (const g of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(g.y - last.y) <= Math.max(1, 0.4 * Math.min(g.size, last.size))) last.glyphs.push(g);
    else lines.push({ glyphs: [g], y: g.y, size: g.size });
  }
  return lines.map((l) => {
    const gs = l.glyphs.sort((a, b) => a.x0 - b.x0);
    return { glyphs: gs, x0: gs[0].x0, x1: Math.max(...gs.map((g) => g.x1)), y: l.y, size: Math.max(...gs.map((g) => g.size)) };
  });
}

/** A line's text: a gap of a space or more becomes a space; `wide` gaps (columns without borders) a TAB. */
function lineText(line: TextLine, tabs: boolean): string {
  let out = '';
  let end: number | null = null;
  for (const g of line.glyphs) {
    if (end !== null) {
      const gap = g.x0 - end;
      if (tabs && gap > 2 * line.size) out += '\t';
      else if (gap > 0.3 * line.size && !out.endsWith(' ') && !g.str.startsWith(' ')) out += ' ';
    }
    out += g.str;
    end = Math.max(end ?? g.x1, g.x1);
  }
  return out.replace(/ +/g, ' ').trim();
}

/** A line's pieces separated by gaps wider than most of a character: cells of a table drawn without rules. */
function segmentsOf(line: TextLine): Glyph[][] {
  const out: Glyph[][] = [];
  let end = -Infinity;
  for (const g of line.glyphs) {
    if (out.length === 0 || g.x0 - end > 0.8 * line.size) out.push([g]);
    else out[out.length - 1].push(g);
    end = Math.max(end, g.x1);
  }
  return out;
}

interface UnruledTable {
  readonly lines: TextLine[];
  /** Column extents, left to right. */
  readonly columns: { x0: number; x1: number }[];
}

/** Rows needed before a run of split lines is taken for a table (two could be a heading and a date). */
const MIN_UNRULED_ROWS = 3;

/**
 * Runs of consecutive lines that each split into two or more pieces. Their columns are the extents of the
 * pieces of the fullest rows (those with the most pieces), overlapping extents merged: cells centred in a
 * column overlap one another, and a header spanning several columns is left out of the measure.
 */
function unruledTables(lines: readonly TextLine[]): UnruledTable[] {
  const tables: UnruledTable[] = [];
  let run: TextLine[] = [];
  const close = () => {
    if (run.length >= MIN_UNRULED_ROWS) {
      const counts = run.map((l) => segmentsOf(l).length);
      const most = Math.max(...counts);
      const spans = run.filter((_, i) => counts[i] === most)
        .flatMap((l) => segmentsOf(l).map((seg) => ({ x0: seg[0].x0, x1: Math.max(...seg.map((g) => g.x1)) })));
      spans.sort((a, b) => a.x0 - b.x0);
      const columns: { x0: number; x1: number }[] = [];
      for (const sp of spans) {
        const last = columns[columns.length - 1];
        if (last && sp.x0 <= last.x1 + 1) last.x1 = Math.max(last.x1, sp.x1);
        else columns.push({ ...sp });
      }
      if (columns.length >= 2) tables.push({ lines: run, columns });
    }
    run = [];
  };
  for (const line of lines) {
    if (segmentsOf(line).length >= 2) run.push(line);
    else close();
  }
  close();
  return tables;
}

function unruledRows(t: UnruledTable, page: number, index: number): { cells: OutputCell[]; source: SourceLocation; key: string }[] {
  return t.lines.map((line, r) => {
    const rowSource: SourceLocation = {
      page, box: box(line.x0, line.y - line.size, line.x1, line.y + line.size * 0.25), table: index, row: r,
    };
    const fields: OutputCell[] = t.columns.map(() => ({ text: '', source: rowSource }));
    segmentsOf(line).forEach((seg, n) => {
      const x0 = seg[0].x0;
      const x1 = Math.max(...seg.map((g) => g.x1));
      const centre = (x0 + x1) / 2;
      let col = t.columns.findIndex((c) => centre >= c.x0 && centre <= c.x1);
      const offCentre = (c: { x0: number; x1: number }) => Math.abs((c.x0 + c.x1) / 2 - centre);
      if (col < 0) col = t.columns.reduce((best, c, k) => (offCentre(c) < offCentre(t.columns[best]) ? k : best), 0);
      const text = lineText({ glyphs: seg, x0, x1, y: line.y, size: line.size }, false);
      const previous = fields[col].text;
      fields[col] = { text: previous ? `${previous} ${text}` : text, source: { page, box: box(x0, line.y - line.size, x1, line.y + line.size * 0.25), table: index, row: r, cell: n } };
    });
    return { cells: fields, source: rowSource, key: fields.map((f) => f.text).join('\t') };
  });
}

function box(x0: number, y0: number, x1: number, y1: number): Box {
  const r = (n: number) => Math.round(n * 10) / 10;
  return { x: r(x0), y: r(y0), width: r(x1 - x0), height: r(y1 - y0) };
}

const PAGE_NUMBER = /^[-—–－_\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4})?(?:\s*共\s*\d+\s*页)?[-—–－_\s]*$|^[-—–－]\s*\d{1,4}\s*[-—–－]$/;

interface Block {
  readonly y: number;
  readonly page: number;
  /** A line in the top or bottom margin, where running headers and footers sit. */
  readonly margin?: boolean;
  readonly line?: TextLine;
  readonly table?: { rows: { cells: OutputCell[]; source: SourceLocation; key: string }[] };
}

function tableRows(
  grid: TableGrid, glyphs: readonly Glyph[], page: number, index: number,
): { cells: OutputCell[]; source: SourceLocation; key: string }[] {
  const inCell = new Map<number, Glyph[]>();
  for (const g of glyphs) {
    const cx = (g.x0 + g.x1) / 2;
    const cy = g.y - g.size / 3;
    const k = grid.cells.findIndex((c) => cx >= c.x0 && cx <= c.x1 && cy >= c.y0 && cy <= c.y1);
    if (k >= 0) inCell.set(k, [...(inCell.get(k) ?? []), g]);
  }
  const cols = grid.xs.length - 1;
  const rows: { cells: OutputCell[]; source: SourceLocation; key: string }[] = [];
  for (let r = 0; r < grid.ys.length - 1; r++) {
    const starting = grid.cells.map((c, k) => ({ c, k })).filter(({ c }) => c.row === r);
    if (starting.length === 0) continue;
    const rowBox = box(grid.x0, grid.ys[r], grid.x1, grid.ys[r + 1]);
    const rowSource: SourceLocation = { page, box: rowBox, table: index, row: rows.length };
    const fields: OutputCell[] = Array.from({ length: cols }, () => ({ text: '', source: rowSource }));
    starting.forEach(({ c, k }, n) => {
      const text = joinPieces(linesOf(inCell.get(k) ?? []).map((l) => lineText(l, false)));
      const source = { page, box: box(c.x0, c.y0, c.x1, c.y1), table: index, row: rows.length, cell: n };
      fields[fieldOf(text, c.col, c.colSpan)] = { text, source };
    });
    rows.push({ cells: fields, source: rowSource, key: fields.map((f) => f.text).join('\t') });
  }
  return rows;
}

export async function convertPdf(bytes: Uint8Array): Promise<Converted> {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) throw new ConversionError('corrupt', 'no %PDF- header');
  // A file cut short loses its trailer; pdf.js would rebuild what it can and show a part as the whole.
  if (!tail.includes('%%EOF')) throw new ConversionError('corrupt', 'no %%EOF: the file is truncated');

  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js parses in this thread under Node when its worker module is already loaded (no worker file to find).
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
      stopAtErrors: true, enableXfa: false,
      // Images are never read for text: none is decoded (pdf.js skips an image over this many pixels).
      maxImageSize: 1,
    }).promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new ConversionError('encrypted');
    throw new ConversionError('corrupt', error instanceof Error ? error.message : String(error));
  }
  try {
    if (doc.numPages > MAX_PAGES) throw new ConversionError('too-many-pages', String(doc.numPages));
    const blocks: Block[] = [];
    let glyphCount = 0;
    let tableIndex = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const view = page.view;
      const width = view[2] - view[0];
      const height = view[3] - view[1];
      if (width > MAX_PAGE_SIDE || height > MAX_PAGE_SIDE || width <= 0 || height <= 0) throw new ConversionError('page-too-large', `${Math.round(width)}×${Math.round(height)}`);
      const content = await page.getTextContent();
      if (content.items.length > MAX_ITEMS_PER_PAGE) throw new ConversionError('page-too-large', `${content.items.length} text items`);
      const glyphs: Glyph[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , d, e, f] = item.transform as number[];
        const size = Math.hypot(a, b) || Math.abs(d) || item.height || 10;
        glyphs.push({ str: item.str, x0: e - view[0], x1: e - view[0] + item.width, y: view[3] - f, size });
      }
      glyphCount += glyphs.length;
      const ops = await page.getOperatorList();
      if (ops.fnArray.length > MAX_ITEMS_PER_PAGE * 5) throw new ConversionError('page-too-large', `${ops.fnArray.length} drawing operations`);
      const grids = findTables(pageRules(pdfjs, ops.fnArray, ops.argsArray, view));
      const inTable = (g: Glyph) => grids.findIndex((t) => {
        const cx = (g.x0 + g.x1) / 2;
        const cy = g.y - g.size / 3;
        return cx >= t.x0 - 1 && cx <= t.x1 + 1 && cy >= t.y0 - 1 && cy <= t.y1 + 1;
      });
      const free: Glyph[] = [];
      const byTable: Glyph[][] = grids.map(() => []);
      for (const g of glyphs) {
        const t = inTable(g);
        if (t >= 0) byTable[t].push(g);
        else free.push(g);
      }
      const kept: { line: TextLine; margin: boolean }[] = [];
      for (const line of linesOf(free)) {
        const text = lineText(line, true);
        // Page numbers and running footers sit in the top and bottom margins.
        const inMargin = line.y > height * 0.9 || line.y < height * 0.07;
        if (inMargin && PAGE_NUMBER.test(text)) continue;
        kept.push({ line, margin: inMargin });
      }
      // Tables drawn without rules: runs of lines split into several columns by wide gaps.
      const unruled = unruledTables(kept.filter((k) => !k.margin).map((k) => k.line));
      const inUnruled = new Set(unruled.flatMap((t) => t.lines));
      for (const k of kept) if (!inUnruled.has(k.line)) blocks.push({ y: k.line.y, page: p, line: k.line, margin: k.margin });
      grids.forEach((grid, k) => {
        blocks.push({ y: grid.y0, page: p, table: { rows: tableRows(grid, byTable[k], p, tableIndex + k) } });
      });
      tableIndex += grids.length;
      for (const t of unruled) blocks.push({ y: t.lines[0].y, page: p, table: { rows: unruledRows(t, p, tableIndex++) } });
      page.cleanup();
    }
    if (glyphCount === 0) throw new ConversionError('scanned', String(doc.numPages));
    return { kind: 'converted', format: 'pdf', ...layOutBlocks(withoutRunningLines(blocks)), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/**
 * Characters a text layer without a usable character mapping gives: C0 and C1 controls, Latin-1 and Latin
 * Extended letters (font codes read as Windows-1252), private-use code points, U+FFFD. A Chinese report has
 * almost none of them.
 */
const GARBAGE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u00ff\u0100-\u024f\ue000-\uf8ff\ufffd]/u;

/** Whether a PDF's text is mostly such characters: more than a third of 20 or more visible ones. */
export function isGarbled(text: string): boolean {
  let visible = 0;
  let garbage = 0;
  for (const c of text) {
    if (/\s/.test(c)) continue;
    visible++;
    if (GARBAGE.test(c)) garbage++;
  }
  return visible >= 20 && garbage * 3 > visible;
}

/**
 * Running headers and footers: a margin line that comes back on another page, the same but for its digits
 * (a date, a page number, `3/12`), is the page furniture a printer or a word processor adds, not the report.
 */
function withoutRunningLines(blocks: Block[]): Block[] {
  const shape = (b: Block) => lineText(b.line!, true).replace(/\d+/g, '#');
  const pages = new Map<string, Set<number>>();
  for (const b of blocks) {
    if (!b.margin || !b.line) continue;
    const k = shape(b);
    pages.set(k, (pages.get(k) ?? new Set()).add(b.page));
  }
  return blocks.filter((b) => !(b.margin && b.line && (pages.get(shape(b))?.size ?? 0) >= 2));
}

/** Blocks in reading order to text: paragraphs joined across wraps, tables as TAB rows, repeated headers dropped. */
function layOutBlocks(blocks: Block[]): { text: string; lines: import('./types').SourceLine[] } {
  blocks.sort((a, b) => a.page - b.page || a.y - b.y);
  const out = new TextBuilder();
  const pageLeft = new Map<number, number>();
  const pageRight = new Map<number, number>();
  for (const b of blocks) {
    if (!b.line) continue;
    pageLeft.set(b.page, Math.min(pageLeft.get(b.page) ?? Infinity, b.line.x0));
    pageRight.set(b.page, Math.max(pageRight.get(b.page) ?? -Infinity, b.line.x1));
  }
  let pending: { text: string; source: SourceLocation; full: boolean } | null = null;
  const flush = () => {
    if (pending) out.line(pending.text, pending.source);
    pending = null;
  };
  let lastTable: { rows: { key: string }[]; page: number } | null = null;
  for (const b of blocks) {
    if (b.table) {
      flush();
      let rows = b.table.rows;
      // A table continued on the next page with its header repeated: the header rows are dropped.
      if (lastTable && lastTable.page === b.page - 1) {
        let n = 0;
        while (n < rows.length && n < lastTable.rows.length && rows[n].key === lastTable.rows[n].key && n < 4) n++;
        rows = rows.slice(n);
      } else {
        out.blank();
      }
      for (const r of rows) out.row(r.cells, r.source);
      lastTable = { rows: b.table.rows, page: b.page };
      continue;
    }
    const line = b.line!;
    const text = lineText(line, true);
    const left = pageLeft.get(b.page) ?? line.x0;
    const right = pageRight.get(b.page) ?? line.x1;
    const source: SourceLocation = { page: b.page, box: box(line.x0, line.y - line.size, line.x1, line.y + line.size * 0.25) };
    const indented = line.x0 > left + 0.5 * line.size;
    const full = right - line.x1 < 1.5 * line.size;
    if (lastTable) {
      out.blank();
      lastTable = null;
    }
    if (pending && pending.full && !indented && !text.includes('\t') && !pending.text.includes('\t')) {
      pending = { text: joinPieces([pending.text, text]), source: pending.source, full };
      continue;
    }
    flush();
    pending = { text, source, full };
  }
  flush();
  return out.result();
}
