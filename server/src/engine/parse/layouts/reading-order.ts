/**
 * Reading-order PDF text (pdftotext without `-layout`, copied from some viewers): one token a line, the
 * row labels in one block and the numbers in blocks of their own, before or after the labels, with header
 * fragments and page footers between. Read only when the mapping is unambiguous: the labels in template
 * order and exactly as many numbers as the labelled rows have cells, dealt out row by row. The table
 * parser trusts such a reading only when the table's identities confirm it (`byOrder`).
 */
import { labelKey } from '../../text/normalize';
import type { Line } from '../../text/lines';
import { positionAt } from '../../text/lines';
import type { Template } from '../../template/types';
import { makeRow, makeTable, type Cell, type Span, type TableRow } from '../../model';
import { cellOf, readCellText } from '../cells';
import { tokenize, type Token } from '../tokens';
import { matchGroup, matchRow, missingAndTruncation, tableSpan } from './shared';
import type { LayoutReader, Region, TableReading } from './types';

type CellToken = Extract<Token, { kind: 'cell' }>;

/** Most non-empty lines of the region hold a single token. */
function oneTokenALine(lines: readonly Line[], region: Region): boolean {
  let nonEmpty = 0;
  let single = 0;
  for (let i = region.from; i <= region.to && i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (!t) continue;
    nonEmpty++;
    if (!/[\t|]|\S\s{2,}\S/.test(t)) single++;
  }
  return nonEmpty >= 20 && single * 10 >= nonEmpty * 8;
}

export function readApplicationsInOrder(t: Template, lines: readonly Line[], region: Region): TableReading | null {
  if (!oneTokenALine(lines, region)) return null;
  const def = t.applications;
  const n = def.columns.length;
  const labels: { idx: number; token: CellToken }[] = [];
  const values: Cell[] = [];
  let lastIdx = -1;
  let previousText: CellToken | null = null;
  const next = tokenize(lines, region.from, region.to);
  for (let tok = next(); tok; tok = next()) {
    if (tok.kind !== 'cell') continue;
    const text = tok.field.text;
    const reading = readCellText(text);
    if (reading.kind !== 'text') {
      // Only labelled tables: numbers before any label and after the table's lead text still count.
      values.push(cellOf(tok.field));
      continue;
    }
    if (/[。；;]/.test(text)) {
      if (lastIdx === def.rows.length - 1 && values.length >= labels.length * n) break;
      previousText = null;
      continue;
    }
    const key = labelKey(text);
    if (matchGroup(t, key) && matchRow(def.rows, key, lastIdx) < 0) {
      previousText = null;
      continue;
    }
    let idx = matchRow(def.rows, key, lastIdx);
    let token = tok;
    if (idx < 0 && previousText && tok.line - previousText.line <= 1) {
      idx = matchRow(def.rows, labelKey(previousText.field.text) + key, lastIdx);
      if (idx >= 0) token = previousText;
    }
    if (idx >= 0) {
      labels.push({ idx, token });
      lastIdx = idx;
      previousText = null;
      continue;
    }
    previousText = tok;
  }
  if (labels.length < 3 || values.length !== labels.length * n) return null;
  const found = new Map<string, TableRow>();
  labels.forEach((l, i) => {
    const r = def.rows[l.idx];
    const cells = values.slice(i * n, (i + 1) * n);
    found.set(r.id, makeRow(r.id, r.label, { start: l.token.field.start, end: l.token.field.end }, def.columns, r.group, cells, cells, []));
  });
  const rows = def.rows.filter((r) => found.has(r.id)).map((r) => found.get(r.id) as TableRow);
  const { missing, truncatedAt } = missingAndTruncation(def.rows, found, region.to >= lines.length - 1);
  const first: Span = labels[0].token.field;
  const span = tableSpan(rows, first) as Span;
  const lastValue = values[values.length - 1].span;
  const end = Math.max(span.end, lastValue.end);
  return {
    layout: 'reading-order', leftovers: 0, byOrder: true,
    table: makeTable({
      id: 'applications', version: t.version, span: { start: Math.min(span.start, values[0].span.start), end },
      firstLine: positionAt(lines, Math.min(span.start, values[0].span.start)).line, lastLine: positionAt(lines, end).line,
      rows, groups: [], missing, truncatedAt,
    }),
  };
}

export const readingOrderReader: LayoutReader = {
  id: 'reading-order',
  tables: ['applications'],
  read(template, lines, region, table) {
    return table === 'applications' ? readApplicationsInOrder(template, lines, region) : null;
  },
};
