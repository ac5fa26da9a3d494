/**
 * A Word document (.docx) to report text: `word/document.xml` read from the zip (zip.ts) and parsed with
 * saxes. Paragraphs become lines; each `w:tbl` row becomes a TAB row with `gridSpan` honoured (the merged cell
 * first, then empty fields) and `vMerge` continuation cells left empty, so a merged cell appears once.
 * Automatic numbering (`w:numPr`, its own or its style's) is printed before the paragraph's text as Word
 * prints it (numbering.ts); the line's source is still the paragraph.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { layOut, type WrittenCell, type WrittenRow } from './grid';
import { MAX_INFLATED_BYTES, MAX_NESTING } from './limits';
import { squeeze, TextBuilder } from './output';
import { Numbering } from './numbering';
import { joinPieces } from './text-join';
import { ConversionError, type Converted } from './types';
import { readZipPart } from './zip';

interface CellState {
  pieces: string[];
  current: string;
  gridSpan: number;
  continued: boolean;
}

interface TableState {
  index: number;
  rows: WrittenRow[];
  cells: WrittenCell[] | null;
  cell: CellState | null;
  /** `w:gridBefore`: grid columns skipped at the start of the current row. */
  before: number;
}

export function convertDocx(bytes: Uint8Array): Converted {
  const xml = readZipPart(bytes, 'word/document.xml', MAX_INFLATED_BYTES);
  if (xml === null) throw new ConversionError('corrupt', 'word/document.xml is missing');
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch {
    throw new ConversionError('corrupt', 'word/document.xml is not UTF-8');
  }

  const numbering = Numbering.read(readPartText(bytes, 'word/numbering.xml'), readPartText(bytes, 'word/styles.xml'));
  /** The numbering properties of the paragraph being read (`w:pStyle`, `w:numPr`). */
  let pStyle: string | undefined;
  let numId: string | undefined;
  let ilvl: number | undefined;

  const out = new TextBuilder();
  const parser = new SaxesParser({ xmlns: false });
  let depth = 0;
  let paragraphs = 0;
  let tableCount = 0;
  /** Text of the paragraph being read outside tables. */
  let paragraph: string | null = null;
  let inText = false;
  let skipped = 0;
  const tables: TableState[] = [];
  const top = () => tables[tables.length - 1];

  const append = (text: string) => {
    const t = top();
    // A table nested in a cell is read as part of that cell's text.
    const cell = tables.find((x) => x.cell !== null)?.cell ?? null;
    if (t && cell) cell.current += text;
    else if (paragraph !== null) paragraph += text;
  };
  const breakLine = () => {
    const cell = tables.find((x) => x.cell !== null)?.cell ?? null;
    if (cell) {
      cell.pieces.push(cell.current);
      cell.current = '';
    } else if (paragraph !== null) {
      out.line(squeeze(paragraph), { paragraph: paragraphs });
      paragraph = '';
    }
  };

  parser.on('doctype', () => {
    throw new ConversionError('xml-hostile', 'a DOCTYPE in word/document.xml');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > MAX_NESTING) throw new ConversionError('xml-hostile', `nesting deeper than ${MAX_NESTING}`);
    const val = tag.attributes['w:val'];
    if (skipped > 0) {
      if (!tag.isSelfClosing) skipped++;
      return;
    }
    switch (tag.name) {
      case 'w:del': case 'w:instrText': case 'w:delText': case 'w:fldChar': case 'w:pPrChange':
        if (!tag.isSelfClosing) skipped = 1;
        return;
      case 'w:tbl':
        if (tables.length === 0 || tables.every((x) => x.cell === null)) {
          tables.push({ index: tableCount++, rows: [], cells: null, cell: null, before: 0 });
        }
        else tables.push({ index: -1, rows: [], cells: null, cell: null, before: 0 });
        return;
      case 'w:tr':
        if (top()?.index !== -1 && top()) {
          top().cells = [];
          top().before = 0;
        }
        return;
      case 'w:gridBefore':
        if (top()?.cells) top().before = Number.parseInt(String(val ?? '0'), 10) || 0;
        return;
      case 'w:tc':
        if (top() && top().index !== -1 && top().cells) top().cell = { pieces: [], current: '', gridSpan: 1, continued: false };
        return;
      case 'w:gridSpan':
        if (top()?.cell) top().cell!.gridSpan = Math.max(1, Number.parseInt(String(val ?? '1'), 10) || 1);
        return;
      case 'w:vMerge':
        if (top()?.cell) top().cell!.continued = val !== 'restart';
        return;
      case 'w:p':
        if (tables.length === 0) paragraph = '';
        pStyle = numId = ilvl = undefined;
        return;
      case 'w:pStyle':
        pStyle = typeof val === 'string' ? val : undefined;
        return;
      case 'w:numId':
        numId = typeof val === 'string' ? val : undefined;
        return;
      case 'w:ilvl':
        ilvl = Number.parseInt(String(val ?? '0'), 10) || 0;
        return;
      case 'w:t':
        inText = !tag.isSelfClosing;
        return;
      case 'w:tab':
        // A tab in a paragraph (not the tab stop definition inside w:tabs).
        if (tag.isSelfClosing) append(' ');
        return;
      case 'w:br': case 'w:cr':
        breakLine();
        return;
    }
  });
  parser.on('text', (text: string) => {
    if (inText && skipped === 0) append(text);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--;
    if (skipped > 0) {
      skipped--;
      return;
    }
    switch (tag.name) {
      case 'w:t':
        inText = false;
        return;
      case 'w:pPr': {
        // The paragraph's properties come before its runs: its number goes before its text.
        if (!numbering) return;
        const style = numbering.styleNumbering(pStyle);
        const list = numId ?? style?.numId;
        if (list !== undefined) append(numbering.label(list, ilvl ?? style?.ilvl ?? 0));
        return;
      }
      case 'w:p': {
        const cell = tables.find((x) => x.cell !== null)?.cell ?? null;
        if (cell) {
          cell.pieces.push(cell.current);
          cell.current = '';
        } else if (paragraph !== null && tables.length === 0) {
          out.line(squeeze(paragraph), { paragraph: paragraphs });
          paragraphs++;
          paragraph = null;
        }
        return;
      }
      case 'w:tc': {
        const t = top();
        if (!t || t.index === -1 || !t.cell || !t.cells) return;
        const c = t.cell;
        c.pieces.push(c.current);
        const r = t.rows.length;
        t.cells.push({
          text: c.continued ? '' : joinPieces(c.pieces.map(squeeze)),
          rowSpan: 1, colSpan: c.gridSpan,
          source: { table: t.index, row: r, cell: t.cells.length },
        });
        t.cell = null;
        return;
      }
      case 'w:tr': {
        const t = top();
        if (!t || t.index === -1 || !t.cells) return;
        const lead: WrittenCell[] = t.before > 0 ? [{ text: '', rowSpan: 1, colSpan: t.before, source: { table: t.index, row: t.rows.length } }] : [];
        t.rows.push({ cells: [...lead, ...t.cells], source: { table: t.index, row: t.rows.length } });
        t.cells = null;
        return;
      }
      case 'w:tbl': {
        const t = tables.pop();
        if (!t || t.index === -1) return;
        out.blank();
        for (const row of layOut(t.rows)) out.row(row.cells, row.source);
        out.blank();
        return;
      }
    }
  });
  try {
    parser.write(source).close();
  } catch (error) {
    if (error instanceof ConversionError) throw error;
    throw new ConversionError('corrupt', error instanceof Error ? error.message : String(error));
  }
  const { text, lines } = out.result();
  return { kind: 'converted', format: 'docx', text, lines };
}

/** A part of the DOCX as text, or null when the file has none (or it is not UTF-8: then it is ignored). */
function readPartText(bytes: Uint8Array, name: string): string | null {
  const part = readZipPart(bytes, name, MAX_INFLATED_BYTES);
  if (part === null) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(part);
  } catch {
    return null;
  }
}
