/** Reading the three tables of a report (spec §6.3) with one generic row reader. */
import { labelKey } from '../text/normalize';
import type { Line } from '../text/lines';
import { parseNumeral } from '../text/numerals';
import { TEMPLATES } from '../template';
import { ACTIVE_CORNER_KEYS, CORNER_NOTE_KEYS } from '../template/matching';
import type { BlockDef, ColumnDef, FormatVersion, RowDef, Template } from '../template/types';
import type { Cell, MissingRow, ParsedTable, RowGroupLabel, Span, TableRow } from '../model';
import { cellOf, isValueLike, readCellText } from './cells';
import { positional, splitFields } from './fields';
import { isPageArtefact } from './sections';
import { feedRow, finishRow, lastSpanOf, startRow, type PendingRow } from './row-reader';
import { tokenize, type Token } from './tokens';

type CellToken = Extract<Token, { kind: 'cell' }>;

const LEADING_NUMBERING = /^[一二三四五六七八九十\d]+/;
const MAX_LABEL_KEY = 60;

export interface Region {
  readonly from: number;
  readonly to: number;
}

/** Rows expected but not found; two or more at the end mean the table was cut off. */
function missingAndTruncation(
  expected: readonly { id: string; label: string }[], found: Map<string, TableRow>, reachesEnd: boolean,
): { missing: MissingRow[]; truncatedAt: Span | null } {
  let lastFound = -1;
  expected.forEach((r, i) => { if (found.has(r.id)) lastFound = i; });
  const missing: MissingRow[] = [];
  if (lastFound < 0) return { missing, truncatedAt: null };
  const lastRow = found.get(expected[lastFound].id) as TableRow;
  const trailing = expected.length - 1 - lastFound;
  // Cut off, not merely incomplete: the text ends in the table, or its last row breaks off mid-row.
  const truncatedAt = trailing >= 2 && (reachesEnd || lastRow.cells === null) ? lastSpanOf(lastRow) : null;
  const upTo = truncatedAt ? lastFound : expected.length - 1;
  for (let i = 0; i <= upTo; i++) {
    if (found.has(expected[i].id)) continue;
    let near: Span = lastSpanOf(lastRow);
    for (let j = i + 1; j < expected.length; j++) {
      const next = found.get(expected[j].id);
      if (next) { near = next.labelSpan; break; }
    }
    missing.push({ id: expected[i].id, label: expected[i].label, near });
  }
  return { missing, truncatedAt };
}

function tableSpan(rows: readonly TableRow[], first: Span | null): Span | null {
  if (!rows.length) return null;
  const start = Math.min(first?.start ?? Infinity, ...rows.map((r) => r.labelSpan.start));
  const end = Math.max(...rows.map((r) => lastSpanOf(r).end));
  return { start, end };
}

function lineOfOffset(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function matchRow(rows: readonly RowDef[], key: string, lastIdx: number): number {
  if (!key || key.length > MAX_LABEL_KEY) return -1;
  const bare = key.replace(LEADING_NUMBERING, '');
  for (let i = lastIdx + 1; i < rows.length; i++) {
    const m = rows[i].match;
    if (m.after) {
      const ai = rows.findIndex((r) => r.id === m.after);
      if (ai >= 0 && lastIdx < ai) continue;
    }
    if (m.contains.some((k) => key.includes(k)) || (m.exact ?? []).includes(bare)) return i;
  }
  return -1;
}

function matchGroup(t: Template, key: string): string | null {
  if (!key || key.length > MAX_LABEL_KEY) return null;
  const bare = key.replace(LEADING_NUMBERING, '');
  for (const g of t.applications.rowGroups) {
    if (g.keys.some((k) => bare.includes(k) || (bare.length >= 4 && k.startsWith(bare)))) return g.id;
  }
  return null;
}

/** Table 2: 收到和处理政府信息公开申请情况. */
export function readApplications(t: Template, lines: readonly Line[], region: Region): ParsedTable | null {
  const def = t.applications;
  const tokens = tokenize(lines, region.from, region.to);
  const found = new Map<string, TableRow>();
  const groups: RowGroupLabel[] = [];
  let lastIdx = -1;
  let current: PendingRow | null = null;
  let firstSpan: Span | null = null;
  let previousText: CellToken | null = null;
  const finish = () => {
    if (current) found.set(current.id, finishRow(current));
    current = null;
  };
  for (const tok of tokens) {
    if (tok.kind !== 'cell') {
      if (current) feedRow(current, tok);
      continue;
    }
    // A number or a blank marker is never a label: it goes to the current row without label matching.
    if (readCellText(tok.field.text).kind !== 'text') {
      if (current) feedRow(current, tok);
      continue;
    }
    // Past the last row's values the table is over: the rest of the region is prose.
    if (current && lastIdx === def.rows.length - 1 && current.values.length >= def.columns.length && !isValueLike(tok.field.text)) break;
    // A sentence (a lead paragraph or a note under the table) is never a label, whatever words it holds.
    if (/[。；;]/.test(tok.field.text)) {
      previousText = null;
      continue;
    }
    const key = labelKey(tok.field.text);
    if (lastIdx < 0 && !current && (def.headerWords.includes(key) || CORNER_NOTE_KEYS.some((k) => key.includes(k)))) {
      firstSpan ??= tok.field;
      continue;
    }
    const group = matchGroup(t, key);
    if (group) {
      finish();
      groups.push({ id: group, span: { start: tok.field.start, end: tok.field.end } });
      firstSpan ??= tok.field;
      previousText = null;
      continue;
    }
    let idx = matchRow(def.rows, key, lastIdx);
    // A label broken over two lines: join it with the unmatched text just before.
    if (idx < 0 && previousText && tok.line - previousText.line <= 1) idx = matchRow(def.rows, labelKey(previousText.field.text) + key, lastIdx);
    if (idx >= 0) {
      finish();
      const r = def.rows[idx];
      current = startRow(r.id, r.label, tok, def.columns, r.group);
      firstSpan ??= tok.field;
      lastIdx = idx;
      previousText = null;
      continue;
    }
    if (current && feedRow(current, tok)) continue;
    previousText = tok;
  }
  finish();
  if (found.size === 0) return null;
  const rows = def.rows.filter((r) => found.has(r.id)).map((r) => found.get(r.id) as TableRow);
  const { missing, truncatedAt } = missingAndTruncation(def.rows, found, region.to >= lines.length - 1);
  const span = tableSpan(rows, firstSpan) as Span;
  return {
    id: 'applications', version: t.version, span, firstLine: lineOfOffset(lines, span.start), lastLine: lineOfOffset(lines, span.end),
    rows, groups, missing, truncatedAt,
  };
}

/** Table 3: 行政复议、行政诉讼情况 — one row of 15 numbers after the header. */
export function readReview(t: Template, lines: readonly Line[], region: Region): ParsedTable | null {
  const def = t.review;
  const n = def.columns.length;
  const values: Cell[] = [];
  let header: Span | null = null;
  let lastLine = region.from;
  // Lines are split one by one, and reading stops at the end of the table: the region may run on
  // for a long way (everything up to the next heading).
  for (let lineNo = region.from; lineNo <= region.to && lineNo < lines.length; lineNo++) {
    if (isPageArtefact(lines[lineNo].text, true)) continue;
    const lf = splitFields(lines[lineNo]);
    if (lf.nonEmpty.length === 0) continue;
    if (lf.nonEmpty.some((f) => def.headerWords.includes(labelKey(f.text)))) {
      if (values.length) break;
      header ??= lf.nonEmpty[0];
      lastLine = lineNo;
      continue;
    }
    if (!lf.nonEmpty.every((f) => isValueLike(f.text))) {
      if (values.length) break;
      continue;
    }
    const placed = lf.nonEmpty.length >= 2 && values.length === 0 ? positional(lf.fields, n) : null;
    const fields = placed ?? lf.nonEmpty;
    for (const f of fields) values.push(f.text === '' ? { span: { start: f.start, end: f.start }, raw: '', kind: 'blank', value: 0 } : cellOf(f));
    lastLine = lineNo;
  }
  if (!header && !values.length) return null;
  const labelSpan = header ?? values[0].span;
  const reachedEnd = region.to >= lines.length - 1 && values.length < n;
  const row: TableRow = {
    id: 'cases', label: def.name, labelSpan, columns: def.columns,
    cells: values.length >= n ? values.slice(0, n) : null, found: values, extra: values.slice(n),
  };
  const end = values.length ? values[values.length - 1].span.end : labelSpan.end;
  return {
    id: 'review', version: t.version, span: { start: labelSpan.start, end }, firstLine: lineOfOffset(lines, labelSpan.start), lastLine,
    rows: [row], groups: [], missing: [], truncatedAt: reachedEnd ? (values.length ? values[values.length - 1].span : labelSpan) : null,
  };
}

function blockFor(version: FormatVersion, item: number): BlockDef | undefined {
  return TEMPLATES[version].active.blocks.find((b) => b.item === item);
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

/** Table 1: 主动公开政府信息情况 — blocks anchored by 第二十条第（X）项. */
export function readActive(t: Template, lines: readonly Line[], region: Region): ParsedTable | null {
  const tokens = tokenize(lines, region.from, region.to);
  const found = new Map<string, TableRow>();
  const blocks: { id: string; version: FormatVersion; span: Span; item: number }[] = [];
  let block: { def: BlockDef; item: number } | null = null;
  let header: { keys: string[]; item: number; line: number } | null = null;
  let current: PendingRow | null = null;
  let firstSpan: Span | null = null;
  const finish = () => {
    if (current) found.set(current.id, finishRow(current));
    current = null;
  };
  const closeHeader = () => {
    if (!header || !block) return;
    const v = chooseBlockVersion(header.item, header.keys, t.version);
    const def = blockFor(v, header.item);
    if (def) {
      block = { def, item: header.item };
      blocks[blocks.length - 1].version = v;
    }
    header = null;
  };
  for (const tok of tokens) {
    if (tok.kind !== 'cell') {
      if (tok.kind === 'break' && header && header.keys.length > 0) closeHeader();
      if (current) feedRow(current, tok);
      continue;
    }
    const key = labelKey(tok.field.text);
    const anchor = /^第二十条第([一二三四五六七八九十\d]{1,2})项$/.exec(key);
    if (anchor) {
      finish();
      closeHeader();
      const item = parseNumeral(anchor[1]) ?? 0;
      const def = blockFor(t.version, item) ?? blockFor(t.version === '2019' ? '2021' : '2019', item);
      block = def ? { def, item } : null;
      if (def) blocks.push({ id: def.id, version: t.version, span: { start: tok.field.start, end: tok.field.end }, item });
      firstSpan ??= tok.field;
      continue;
    }
    if (ACTIVE_CORNER_KEYS.includes(key) && block) {
      finish();
      header = { keys: [], item: block.item, line: tok.line };
      continue;
    }
    const b: { def: BlockDef; item: number } | null = block;
    const rowDefs = b ? ['2019', '2021'].flatMap((v) => blockFor(v as FormatVersion, b.item)?.rows ?? []) : [];
    const rowDef = rowDefs.find((r) => labelKey(r.label) === key);
    if (rowDef && b) {
      finish();
      closeHeader();
      const active = block as { def: BlockDef; item: number } | null;
      const def = active ? active.def : b.def;
      current = startRow(`${def.id}.${rowDef.id}`, rowDef.label, tok, def.columns as ColumnDef[]);
      continue;
    }
    if (header) {
      header.keys.push(key);
      continue;
    }
    if (current) feedRow(current, tok);
  }
  finish();
  if (found.size === 0) return null;
  const expected = blocks.length
    ? TEMPLATES[t.version].active.blocks.flatMap((bd) => {
      const seen = blocks.find((x) => x.item === bd.item);
      const used = seen ? blockFor(seen.version, bd.item) ?? bd : bd;
      return used.rows.map((r) => ({ id: `${used.id}.${r.id}`, label: `${used.label} ${r.label}` }));
    })
    : [];
  const rows = [...found.values()].sort((a, b) => a.labelSpan.start - b.labelSpan.start);
  const { missing, truncatedAt } = missingAndTruncation(expected, found, region.to >= lines.length - 1);
  const span = tableSpan(rows, firstSpan) as Span;
  return {
    id: 'active', version: t.version, span, firstLine: lineOfOffset(lines, span.start), lastLine: lineOfOffset(lines, span.end),
    rows, groups: [], missing, truncatedAt,
    blocks: blocks.map((b2) => ({ id: b2.id, version: b2.version, span: b2.span })),
  };
}
