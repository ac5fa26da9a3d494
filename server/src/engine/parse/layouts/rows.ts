/**
 * The row reader (docs/format.md, "Assigning numbers"): a label, then the numbers that follow it up to the next label. It
 * reads TAB and pipe rows, markdown tables (split per row group, placeholder headers), one cell per line,
 * space-aligned columns and values wrapped onto the next line.
 */
import { labelKey } from '../../text/normalize';
import type { Line } from '../../text/lines';
import { positionAt } from '../../text/lines';
import { parseNumeral } from '../../text/numerals';
import { TEMPLATES } from '../../template';
import {
  ACTIVE_BLOCK_ANCHOR, ACTIVE_CORNER_KEYS, APPLICATION_HEADER_WORDS, CORNER_NOTE_KEYS,
} from '../../template/matching';
import { TABLE_IDS } from '../../template/tables';
import type { BlockDef, FormatVersion, Template } from '../../template/types';
import { makeRow, makeTable, type Cell, type RowGroupLabel, type RowVariant, type Span, type TableRow } from '../../model';
import { blankCellAt, isValueLike, positionalCell, readCellText } from '../cells';
import { positional, splitFields, type LineFields } from '../fields';
import { isPageArtefact } from '../sections';
import { feedRow, finishRow, startRow, type PendingRow } from '../row-reader';
import { tokenize, type Token } from '../tokens';
import { shapeOf } from './shape';
import {
  collapsibleGroup, isPlaceholderHeader, keyWithoutNote, matchGroup, matchRow, matchRowFuzzy, missingAndTruncation, rowsInTemplateOrder,
  tableSpan,
} from './shared';
import type { LayoutReader, Region, TableReading } from './types';

type CellToken = Extract<Token, { kind: 'cell' }>;

/** The numbering of a sub-row label (`1.属于国家秘密`, `2、重复申请`). */
const SUB_ROW_NUMBERING = /^\d{1,2}\s*[.．、]/;

const HEADER_KEYS: ReadonlySet<string> = new Set(
  [...APPLICATION_HEADER_WORDS, '社会公益', '法律服务', '申请人', '办理结果'].map(labelKey),
);

/**
 * A header row, never data: a separated line of three or more cells with no number, most of them
 * column names, placeholders (`数据1`) or row names (a bogus `项目 | 本年新收件数 | …` row inside the table).
 */
function isHeaderLine(lf: LineFields, t: Template): boolean {
  if (!lf.separated || lf.nonEmpty.length < 3) return false;
  // A number anywhere makes it data: look for one before matching any cell as a label.
  for (const f of lf.nonEmpty) if (readCellText(f.text).kind === 'number') return false;
  let headerLike = 0;
  for (const f of lf.nonEmpty) {
    const key = labelKey(f.text);
    if (!key) continue;
    if (isPlaceholderHeader(key) || HEADER_KEYS.has(key) || matchRow(t.applications.rows, key, -1) >= 0
      || t.applications.columns.some((c) => key.length >= 2 && labelKey(c.label).startsWith(key))) headerLike++;
  }
  return headerLike >= 2 && headerLike * 2 >= lf.nonEmpty.length;
}

/** Where a table read as rows sits: its span, its lines and the shape of those lines. */
function placed(lines: readonly Line[], rows: readonly TableRow[], firstSpan: Span | null) {
  const span = tableSpan(rows, firstSpan) as Span;
  const firstLine = positionAt(lines, span.start).line;
  const lastLine = positionAt(lines, span.end).line;
  return { span, firstLine, lastLine, layout: shapeOf(lines, { from: firstLine, to: lastLine }) };
}

/** The token is followed on its line by a value: a label of a data row. */
function hasValuesAfter(tok: CellToken): boolean {
  const rest = tok.row.nonEmpty;
  const at = rest.indexOf(tok.field);
  return at >= 0 && at + 1 < rest.length && isValueLike(rest[at + 1].text);
}

/**
 * The template row (after `lastIdx`) a label names: by its key; else joined with the unmatched text just before
 * (a label broken over two lines); else, for a data row's label (its numbers beside it) that names no row exactly,
 * the next row expected that it still resembles (a garbled label). -1 when none.
 */
function rowOfLabel(rows: Template['applications']['rows'], tok: CellToken, key: string, previousText: CellToken | null, lastIdx: number): number {
  let idx = matchRow(rows, key, lastIdx);
  if (idx < 0 && previousText && tok.line - previousText.line <= 1) idx = matchRow(rows, labelKey(previousText.field.text) + key, lastIdx);
  if (idx < 0 && hasValuesAfter(tok) && matchRow(rows, key, -1) < 0) idx = matchRowFuzzy(rows, key, lastIdx);
  return idx;
}

/** A row whose label names no template row, with its numbers, and the index of the last row matched before it. */
interface Orphan {
  readonly pending: PendingRow;
  readonly after: number;
}

/**
 * An unnamed row alone in a gap of exactly one template row is that row (a garbled label, or a label printed
 * apart from its numbers: `displaced`). Returns how many numbers were left over in orphans that fit no gap.
 */
function nameOrphans(
  def: Template['applications'], orphans: readonly Orphan[], found: Map<string, TableRow>, covered: ReadonlySet<string>,
  displaced: ReadonlyMap<number, CellToken>,
): number {
  let leftovers = 0;
  for (const o of orphans) {
    const gap: number[] = [];
    for (let i = o.after + 1; i < def.rows.length && !found.has(def.rows[i].id); i++) if (!covered.has(def.rows[i].id)) gap.push(i);
    const rivals = orphans.filter((x) => x.after === o.after);
    if (gap.length !== 1 || rivals.length !== 1 || !o.pending.values.length) {
      leftovers += o.pending.values.filter((v) => readCellText(v.field.text).kind === 'number').length;
      continue;
    }
    const r = def.rows[gap[0]];
    const named = startRow(r.id, r.label, displaced.get(gap[0]) ?? o.pending.labelToken, def.columns, r.group);
    named.values.push(...o.pending.values);
    named.placeholders.push(...o.pending.placeholders);
    named.broken = o.pending.broken;
    found.set(r.id, finishRow(named));
  }
  return leftovers;
}

/** What Table 2's reader keeps while it walks the region's tokens: one object per table read. */
interface ApplicationWalk {
  readonly t: Template;
  readonly def: Template['applications'];
  /** How many numbers a complete row has. */
  readonly n: number;
  readonly found: Map<string, TableRow>;
  readonly groups: RowGroupLabel[];
  readonly variants: RowVariant[];
  /** Whether a line is a header row, by line number: decided once per line. */
  readonly headerLines: Map<number, boolean>;
  /** Labels met after their rows' place (printed apart from their numbers): by row index. */
  readonly displaced: Map<number, CellToken>;
  readonly orphans: Orphan[];
  lastIdx: number;
  current: PendingRow | null;
  /** A group label that may turn out to carry its own numbers (2019's one-row （六）其他处理). */
  collapsed: { pending: PendingRow; version: FormatVersion; covers: string[] } | null;
  /**
   * A label that names no row, with its own numbers (a row the template lacks, or a label garbled beyond
   * recognition): its numbers are never the previous row's. Kept to fill a one-row gap afterwards.
   */
  orphan: Orphan | null;
  leftovers: number;
  firstSpan: Span | null;
  previousText: CellToken | null;
}

/** A fresh walk over Table 2, nothing read yet. */
function startApplicationWalk(t: Template): ApplicationWalk {
  return {
    t, def: t.applications, n: t.applications.columns.length, found: new Map(), groups: [], variants: [], headerLines: new Map(),
    displaced: new Map(), orphans: [], lastIdx: -1, current: null, collapsed: null, orphan: null, leftovers: 0, firstSpan: null,
    previousText: null,
  };
}

/** Closes the row being read (current, orphan or collapsed group), keeping what it holds. */
function closeApplicationRow(w: ApplicationWalk): void {
  if (w.current) w.found.set(w.current.id, finishRow(w.current));
  w.current = null;
  if (w.orphan) w.orphans.push(w.orphan);
  w.orphan = null;
  if (w.collapsed) {
    if (w.collapsed.pending.values.length) {
      const row = finishRow(w.collapsed.pending);
      w.found.set(row.id, row);
      w.variants.push({ rowId: row.id, version: w.collapsed.version, span: row.labelSpan, covers: w.collapsed.covers });
    }
    w.collapsed = null;
  }
}

/** A value (number, blank marker, line break) goes to the row being read; a number with no row is a leftover. */
function feedApplicationValue(w: ApplicationWalk, tok: Token): void {
  // Numbers beyond a complete row, on lines of their own (one cell per line, reading order): a row whose
  // label was printed elsewhere (a label spanning the group column comes out after the block). Kept to
  // fill a one-row gap; never the complete row's.
  if (!w.orphan && !w.collapsed && w.current && w.current.values.length >= w.n && tok.kind === 'cell' && !tok.row.separated
    && readCellText(tok.field.text).kind !== 'text') {
    const pending = startRow('?', '', tok, w.def.columns);
    w.found.set(w.current.id, finishRow(w.current));
    w.current = null;
    w.orphan = { pending, after: w.lastIdx };
  }
  const target = w.orphan?.pending ?? w.collapsed?.pending ?? w.current;
  if (target) feedRow(target, tok);
  else if (tok.kind === 'cell' && readCellText(tok.field.text).kind === 'number') w.leftovers++;
}

/** The cell is on a header row (skipped; the header above the first row is where the table starts). */
function skipHeaderCell(w: ApplicationWalk, tok: CellToken): boolean {
  let header = w.headerLines.get(tok.line);
  if (header === undefined) w.headerLines.set(tok.line, header = isHeaderLine(tok.row, w.t));
  if (header && w.lastIdx < 0 && !w.current) w.firstSpan ??= tok.field;
  return header;
}

/** A group label (`（三）不予公开`) closes the row being read and may open a collapsible one-row group. */
function startGroup(w: ApplicationWalk, tok: CellToken, key: string): boolean {
  const group = matchGroup(w.t, key);
  if (!group) return false;
  closeApplicationRow(w);
  w.groups.push({ id: group, span: { start: tok.field.start, end: tok.field.end } });
  const c = collapsibleGroup(w.t, group);
  if (c && !c.covers.some((id) => w.found.has(id))) {
    const label = TEMPLATES[c.version].applications.rows.find((r) => r.id === group)?.label ?? tok.field.text;
    w.collapsed = { pending: startRow(group, label, tok, w.def.columns), ...c };
  }
  w.firstSpan ??= tok.field;
  w.previousText = null;
  return true;
}

/** A label naming a template row (after the last one matched) opens that row. */
function startNamedRow(w: ApplicationWalk, tok: CellToken, key: string): boolean {
  const idx = rowOfLabel(w.def.rows, tok, key, w.previousText, w.lastIdx);
  if (idx < 0) return false;
  closeApplicationRow(w);
  const r = w.def.rows[idx];
  w.current = startRow(r.id, r.label, tok, w.def.columns, r.group);
  w.firstSpan ??= tok.field;
  w.lastIdx = idx;
  w.previousText = null;
  return true;
}

/** Text that names no row: a displaced label, the current row's label again, an orphan row's label, or text in a cell. */
function readUnnamedText(w: ApplicationWalk, tok: CellToken, key: string): void {
  // Text that names no row, with numbers after it on its line: the first cell of a TAB or pipe row, or
  // any label once the current row is complete. Its numbers are not the current row's.
  // A label of a row already passed and not found: printed apart from its numbers (kept for the gap's row).
  const earlier = matchRow(w.def.rows, key, -1);
  if (earlier >= 0 && earlier < w.lastIdx && !w.found.has(w.def.rows[earlier].id) && !tok.row.separated) w.displaced.set(earlier, tok);
  // The current row's label again (a `### (一) 予以公开` heading, then `| 予以公开 | 290 | …`): its numbers follow.
  if (w.current && w.current.values.length === 0 && matchRow(w.def.rows, key, w.lastIdx - 1) === w.lastIdx) {
    w.previousText = null;
    return;
  }
  const startsRow = tok.row.separated && tok.row.nonEmpty[0] === tok.field;
  if (!w.orphan && hasValuesAfter(tok) && (startsRow || (w.current !== null && w.current.values.length >= w.n))) {
    closeApplicationRow(w);
    w.orphan = { pending: startRow('?', tok.field.text, tok, w.def.columns), after: w.lastIdx };
    w.previousText = tok;
    return;
  }
  if (!w.orphan && w.current && feedRow(w.current, tok)) return;
  w.previousText = tok;
}

/** Reads one cell of Table 2; false when the table is over (the rest of the region is prose). */
function readApplicationCell(w: ApplicationWalk, tok: CellToken): boolean {
  if (skipHeaderCell(w, tok)) return true;
  // A number or a blank marker is never a label: it goes to the current row without label matching.
  if (readCellText(tok.field.text).kind !== 'text') {
    feedApplicationValue(w, tok);
    return true;
  }
  // Past the last row's values the table is over: the rest of the region is prose.
  if (w.current && w.lastIdx === w.def.rows.length - 1 && w.current.values.length >= w.n && !isValueLike(tok.field.text)) return false;
  // A sentence (a lead paragraph or a note under the table) is never a label, whatever words it holds.
  if (/[。；;]/.test(tok.field.text)) {
    w.previousText = null;
    return true;
  }
  const key = labelKey(tok.field.text);
  if (w.lastIdx < 0 && !w.current && (w.def.headerWords.includes(key) || CORNER_NOTE_KEYS.some((k) => key.includes(k)))) {
    w.firstSpan ??= tok.field;
    return true;
  }
  if (startGroup(w, tok, key)) return true;
  // A label numbered as a sub-row (`1.申请人…`) under a group: the group has sub-rows and is no one-row
  // variant, whatever numbers follow (they belong to the sub-row, whose label may only end further down).
  if (w.collapsed && !w.collapsed.pending.values.length && SUB_ROW_NUMBERING.test(tok.field.text.trim())) w.collapsed = null;
  if (!startNamedRow(w, tok, key)) readUnnamedText(w, tok, key);
  return true;
}

/** The table a finished walk read: orphans named, rows in template order, what is missing, where it sits. */
function applicationTable(w: ApplicationWalk, lines: readonly Line[], region: Region): TableReading | null {
  const { def, found, variants } = w;
  if (found.size === 0) return null;
  const covered = new Set(variants.flatMap((v) => v.covers));
  const leftovers = w.leftovers + nameOrphans(def, w.orphans, found, covered, w.displaced);
  const rows = rowsInTemplateOrder(def.rows, found, variants);
  const { missing, truncatedAt } = missingAndTruncation(def.rows, found, region.to >= lines.length - 1, covered);
  const { span, firstLine, lastLine, layout } = placed(lines, rows, w.firstSpan);
  return {
    layout,
    leftovers,
    table: makeTable({
      id: 'applications', version: w.t.version, span, firstLine, lastLine, rows, groups: w.groups, missing, truncatedAt,
      variants: variants.length ? variants : undefined,
    }),
  };
}

/** Table 2: 收到和处理政府信息公开申请情况. */
export function readApplicationRows(t: Template, lines: readonly Line[], region: Region): TableReading | null {
  const w = startApplicationWalk(t);
  const next = tokenize(lines, region.from, region.to);
  for (let tok = next(); tok; tok = next()) {
    if (tok.kind !== 'cell') feedApplicationValue(w, tok);
    else if (!readApplicationCell(w, tok)) break;
  }
  closeApplicationRow(w);
  return applicationTable(w, lines, region);
}

const REVIEW_HEADER_PIECES = (t: Template) => [...t.review.headerWords, ...t.review.columnGroups.map((g) => g.label)].map(labelKey);

/** Table 3: 行政复议、行政诉讼情况 — 15 numbers after the header, on one line or over several small tables. */
export function readReviewRows(t: Template, lines: readonly Line[], region: Region): TableReading | null {
  const def = t.review;
  const n = def.columns.length;
  const pieces = REVIEW_HEADER_PIECES(t);
  const values: Cell[] = [];
  let header: Span | null = null;
  let lastLine = region.from;
  // Lines are split one by one, and reading stops at the end of the table: the region may run on
  // for a long way (everything up to the next heading).
  for (let lineNo = region.from; lineNo <= region.to && lineNo < lines.length; lineNo++) {
    if (isPageArtefact(lines[lineNo].text, true)) continue;
    const lf = splitFields(lines[lineNo]);
    if (lf.nonEmpty.length === 0) {
      // A web table whose numbers are all zeros written blank: a row of empty cells under the header.
      const blanks = header && !values.length && lf.separated ? positional(lf.fields, n) : null;
      if (blanks) {
        for (const f of blanks) values.push(blankCellAt(f.start));
        lastLine = lineNo;
      }
      continue;
    }
    // Header cells name outcomes and groups (`行政诉讼（未经复议直接起诉）` heads a table of its own in
    // OCR output); a sentence that mentions them is prose, not a header.
    const isHeader = lf.nonEmpty.some((f) => {
      const key = labelKey(f.text);
      return key.length >= 2 && key.length <= 20 && !/[。；;，,]/.test(f.text)
        && pieces.some((p) => key === p || (key.length >= 4 && key.includes(p)));
    }) && !lf.nonEmpty.some((f) => readCellText(f.text).kind === 'number');
    if (isHeader) {
      // A table split per group repeats its header: read on until all the numbers are in.
      if (values.length >= n) break;
      header ??= lf.nonEmpty[0];
      lastLine = lineNo;
      continue;
    }
    if (!lf.nonEmpty.every((f) => isValueLike(f.text))) {
      if (values.length) break;
      continue;
    }
    if (values.length >= n) break;
    const placed = lf.nonEmpty.length >= 2 && values.length === 0 ? positional(lf.fields, n) : null;
    const fields = placed ?? lf.nonEmpty;
    for (const f of fields) values.push(positionalCell(f));
    lastLine = lineNo;
  }
  if (!header && !values.length) return null;
  const labelSpan = header ?? values[0].span;
  const reachedEnd = region.to >= lines.length - 1 && values.length < n;
  const row = makeRow('cases', def.name, labelSpan, def.columns, undefined, values.length >= n ? values.slice(0, n) : null, values, values.slice(n));
  const end = values.length ? values[values.length - 1].span.end : labelSpan.end;
  const firstLine = positionAt(lines, labelSpan.start).line;
  return {
    layout: shapeOf(lines, { from: firstLine, to: lastLine }),
    leftovers: 0,
    table: makeTable({
      id: 'review', version: t.version, span: { start: labelSpan.start, end }, firstLine, lastLine,
      rows: [row], groups: [], missing: [], truncatedAt: reachedEnd ? (values.length ? values[values.length - 1].span : labelSpan) : null,
    }),
  };
}

function blockFor(version: FormatVersion, item: number): BlockDef | undefined {
  return TEMPLATES[version].active.blocks.find((b) => b.item === item);
}

type BlockRow = BlockDef['rows'][number];

/** The row labels of item `item`'s block in both versions (2019's first), as keys: read once per item. */
const BLOCK_ROW_KEYS = new Map<number, readonly { readonly key: string; readonly row: BlockRow }[]>();

/** The first row of item `item`'s block, in either version, whose label is `key` or `text` without its note. */
function blockRowNamed(item: number, key: string, text: string): BlockRow | undefined {
  let rows = BLOCK_ROW_KEYS.get(item);
  if (!rows) {
    rows = (['2019', '2021'] as const).flatMap((v) => blockFor(v, item)?.rows ?? []).map((row) => ({ key: labelKey(row.label), row }));
    BLOCK_ROW_KEYS.set(item, rows);
  }
  if (!rows.length) return undefined;
  const bare = keyWithoutNote(text);
  return rows.find((r) => r.key === key || r.key === bare)?.row;
}

/** Which version's block a header row describes (by its column labels); the table's own when unsure. */
function chooseBlockVersion(item: number, headerKeys: readonly string[], fallback: FormatVersion): FormatVersion {
  let best = fallback;
  let bestScore = 0;
  for (const v of ['2019', '2021'] as const) {
    const b = blockFor(v, item);
    if (!b) continue;
    const score = b.columns.filter((c) => headerKeys.some((h) => h.length >= 2 && labelKey(c.label).startsWith(h))).length;
    if (score > bestScore || (score === bestScore && v === fallback)) { best = v; bestScore = Math.max(score, bestScore); }
  }
  return best;
}

/**
 * Values a block's rows read in the wrong places because the text gives the labels first and the
 * numbers after them, or the numbers first (reading order): when the block holds exactly as many values
 * as its rows have columns, deal them out in order.
 */
function redistribute(pending: readonly PendingRow[], early: readonly PendingRow['values'][number][]): void {
  if (!pending.length) return;
  const all = [...early, ...pending.flatMap((p) => p.values)];
  const need = pending.reduce((s, p) => s + p.columns.length, 0);
  if (all.length !== need || (!early.length && pending.every((p) => p.values.length === p.columns.length))) return;
  let k = 0;
  for (const p of pending) {
    p.values.length = 0;
    for (let i = 0; i < p.columns.length; i++) p.values.push(all[k++]);
  }
}

/** The rows Table 1 should have, each block in the version its own header showed (none when no block was found). */
function expectedActiveRows(
  t: Template, blocks: readonly { readonly version: FormatVersion; readonly item: number }[],
): { id: string; label: string }[] {
  if (!blocks.length) return [];
  return TEMPLATES[t.version].active.blocks.flatMap((bd) => {
    const seen = blocks.find((x) => x.item === bd.item);
    const used = seen ? blockFor(seen.version, bd.item) ?? bd : bd;
    return used.rows.map((r) => ({ id: `${used.id}.${r.id}`, label: `${used.label} ${r.label}` }));
  });
}

/** A block of Table 1 being read: its definition (in the version chosen so far) and its item number. */
interface ActiveBlock {
  readonly def: BlockDef;
  readonly item: number;
}

/** What Table 1's reader keeps while it walks the region's tokens: one object per table read. */
interface ActiveWalk {
  readonly t: Template;
  readonly found: Map<string, TableRow>;
  readonly blocks: { id: string; version: FormatVersion; span: Span; item: number }[];
  block: ActiveBlock | null;
  /** A block's header row being read (its column labels, as keys). */
  header: { keys: string[]; item: number; line: number } | null;
  current: PendingRow | null;
  blockRows: PendingRow[];
  /** Numbers of the block met before its first row label (reading order, numbers first). */
  early: PendingRow['values'][number][];
  /** An extra row of the body's own (`其他主动公开文件`): its numbers belong to no template row. */
  orphan: boolean;
  leftovers: number;
  firstSpan: Span | null;
}

/** A fresh walk over Table 1, nothing read yet. */
function startActiveWalk(t: Template): ActiveWalk {
  return {
    t, found: new Map(), blocks: [], block: null, header: null, current: null, blockRows: [], early: [], orphan: false, leftovers: 0,
    firstSpan: null,
  };
}

/** Closes the block being read: its values dealt out when read in the wrong places, its rows kept. */
function closeBlock(w: ActiveWalk): void {
  w.current = null;
  redistribute(w.blockRows, w.early);
  for (const p of w.blockRows) w.found.set(p.id, finishRow(p));
  w.blockRows = [];
  w.early = [];
}

/** Closes the header row being read: the block takes the version its column labels describe. */
function closeHeader(w: ActiveWalk): void {
  const { header } = w;
  if (!header || !w.block) return;
  const v = chooseBlockVersion(header.item, header.keys, w.t.version);
  const def = blockFor(v, header.item);
  if (def) {
    w.block = { def, item: header.item };
    w.blocks[w.blocks.length - 1].version = v;
  }
  w.header = null;
}

/** An anchor (第二十条第（X）项) closes the block being read and opens the block of its item. */
function startBlock(w: ActiveWalk, tok: CellToken, key: string): boolean {
  const anchor = ACTIVE_BLOCK_ANCHOR.exec(key);
  if (!anchor) return false;
  closeBlock(w);
  closeHeader(w);
  w.orphan = false;
  const { t } = w;
  const item = parseNumeral(anchor[1]) ?? 0;
  const def = blockFor(t.version, item) ?? blockFor(t.version === '2019' ? '2021' : '2019', item);
  w.block = def ? { def, item } : null;
  if (def) w.blocks.push({ id: def.id, version: t.version, span: { start: tok.field.start, end: tok.field.end }, item });
  w.firstSpan ??= tok.field;
  return true;
}

/** A label naming a row of block `b` opens that row (once per row). */
function startBlockRow(w: ActiveWalk, b: ActiveBlock, tok: CellToken, key: string): boolean {
  const rowDef = blockRowNamed(b.item, key, tok.field.text);
  if (!rowDef) return false;
  w.current = null;
  closeHeader(w);
  w.orphan = false;
  const def = w.block ? w.block.def : b.def;
  const id = `${def.id}.${rowDef.id}`;
  if (!w.blockRows.some((p) => p.id === id) && !w.found.has(id)) {
    w.current = startRow(id, rowDef.label, tok, def.columns);
    w.blockRows.push(w.current);
  }
  return true;
}

/** Reads one cell of Table 1: an anchor, a corner cell, a row label, an early number, a header label, an extra row or a value. */
function readActiveCell(w: ActiveWalk, tok: CellToken): void {
  const key = labelKey(tok.field.text);
  if (startBlock(w, tok, key)) return;
  if (ACTIVE_CORNER_KEYS.includes(key) && w.block) {
    w.current = null;
    w.orphan = false;
    w.header = { keys: [], item: w.block.item, line: tok.line };
    return;
  }
  const b = w.block;
  if (b && startBlockRow(w, b, tok, key)) return;
  if (!w.current && b && readCellText(tok.field.text).kind !== 'text') {
    closeHeader(w);
    w.early.push(tok);
    return;
  }
  if (w.header) {
    w.header.keys.push(key);
    return;
  }
  // A label the template does not have, with numbers after it: a row of the body's own.
  if (!isValueLike(tok.field.text) && b && hasValuesAfter(tok)) {
    w.current = null;
    w.orphan = true;
    return;
  }
  if (w.orphan) {
    if (readCellText(tok.field.text).kind === 'number') w.leftovers++;
    return;
  }
  if (w.current) feedRow(w.current, tok);
}

/** The table a finished walk read: rows in reading order, what is missing from the blocks found, where it sits. */
function activeTable(w: ActiveWalk, lines: readonly Line[], region: Region): TableReading | null {
  const { found, blocks } = w;
  if (found.size === 0) return null;
  const expected = expectedActiveRows(w.t, blocks);
  const rows = [...found.values()].sort((a, b) => a.labelSpan.start - b.labelSpan.start);
  const { missing, truncatedAt } = missingAndTruncation(expected, found, region.to >= lines.length - 1);
  const { span, firstLine, lastLine, layout } = placed(lines, rows, w.firstSpan);
  return {
    layout,
    leftovers: w.leftovers,
    table: makeTable({
      id: 'active', version: w.t.version, span, firstLine, lastLine, rows, groups: [], missing, truncatedAt,
      blocks: blocks.map((b2) => ({ id: b2.id, version: b2.version, span: b2.span })),
    }),
  };
}

/** Table 1: 主动公开政府信息情况 — blocks anchored by 第二十条第（X）项. */
export function readActiveRows(t: Template, lines: readonly Line[], region: Region): TableReading | null {
  const w = startActiveWalk(t);
  const next = tokenize(lines, region.from, region.to);
  for (let tok = next(); tok; tok = next()) {
    if (tok.kind === 'cell') readActiveCell(w, tok);
    else {
      if (tok.kind === 'break' && w.header && w.header.keys.length > 0) closeHeader(w);
      if (w.current && !w.orphan) feedRow(w.current, tok);
    }
  }
  closeBlock(w);
  return activeTable(w, lines, region);
}

export const rowsReader: LayoutReader = {
  id: 'rows',
  tables: TABLE_IDS,
  read(template, lines, region, table) {
    if (table === 'applications') return readApplicationRows(template, lines, region);
    if (table === 'review') return readReviewRows(template, lines, region);
    return readActiveRows(template, lines, region);
  },
};
