/** What every layout reader shares: row and group matching, missing rows, spans. */
import { labelKey } from '../../text/normalize';
import { TEMPLATES } from '../../template';
import type { FormatVersion, RowDef, Template } from '../../template/types';
import type { MissingRow, RowVariant, Span, TableRow } from '../../model';
import { lastSpanOf } from '../row-reader';

const LEADING_NUMBERING = /^[一二三四五六七八九十\d]+/;
const MAX_LABEL_KEY = 60;

/** Placeholder column names that OCR and AI conversions put in header rows (`数据1`, `列2`, `Column 3`). */
const PLACEHOLDER = /^(?:数据|列|栏|项目|类别|column|col|数量)\d{0,2}$/i;

/** The key of a label without a bracketed note at its end (`规章(设区的市…应提供相关数据)` → `规章`). */
export function keyWithoutNote(text: string): string {
  // Without a closing bracket there is no note: skip the regex (asked of every cell of Table 1).
  if (!text.includes(')') && !text.includes('）')) return labelKey(text);
  const stripped = text.replace(/[（(][^（()）]*[)）]\s*$/, '');
  return labelKey(stripped === text ? text : stripped);
}

export function isPlaceholderHeader(key: string): boolean {
  return PLACEHOLDER.test(key);
}

/** For each row, the index of the row its `after` names (-1 for none), per template row list. */
const AFTER_INDEX = new WeakMap<readonly RowDef[], readonly number[]>();

function afterIndexes(rows: readonly RowDef[]): readonly number[] {
  let index = AFTER_INDEX.get(rows);
  if (!index) {
    index = rows.map((row) => (row.match.after ? rows.findIndex((r) => r.id === row.match.after) : -1));
    AFTER_INDEX.set(rows, index);
  }
  return index;
}

/** Row `i` may only match once the row named by its `after` (or a later one) has matched. */
function waitsForEarlierRow(after: readonly number[], i: number, lastIdx: number): boolean {
  return after[i] >= 0 && lastIdx < after[i];
}

/** Index of the template row this label key names, searching after `lastIdx`; -1 when none. */
export function matchRow(rows: readonly RowDef[], key: string, lastIdx: number): number {
  if (!key || key.length > MAX_LABEL_KEY) return -1;
  const bare = key.replace(LEADING_NUMBERING, '');
  const after = afterIndexes(rows);
  for (let i = lastIdx + 1; i < rows.length; i++) {
    const m = rows[i].match;
    if (waitsForEarlierRow(after, i, lastIdx)) continue;
    if (m.contains.some((k) => key.includes(k)) || (m.exact !== undefined && m.exact.includes(bare))) return i;
  }
  return -1;
}

/** Sørensen–Dice similarity of two strings over their character bigrams (0..1). */
function bigramDice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let hits = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2);
    const c = grams.get(g);
    if (c) {
      hits++;
      grams.set(g, c - 1);
    }
  }
  return (2 * hits) / (a.length - 1 + b.length - 1);
}

const FUZZY_MIN = 0.65;
const FUZZY_MIN_NEXT = 0.5;
const FUZZY_LOOKAHEAD = 2;

/**
 * The next template row (one of the next two) that a label garbled by OCR or a PDF font still resembles
 * (`本机关不拿握相关政府信息`), or -1. Only for a label with its numbers beside it: a data row, not prose.
 */
export function matchRowFuzzy(rows: readonly RowDef[], key: string, lastIdx: number): number {
  const bare = key.replace(LEADING_NUMBERING, '');
  if (bare.length < 4 || key.length > MAX_LABEL_KEY) return -1;
  let best = -1;
  let bestScore = 0;
  const after = afterIndexes(rows);
  for (let i = lastIdx + 1; i < rows.length && i <= lastIdx + FUZZY_LOOKAHEAD; i++) {
    if (waitsForEarlierRow(after, i, lastIdx)) continue;
    const score = bigramDice(bare, labelKey(rows[i].label).replace(LEADING_NUMBERING, ''));
    // The row expected next needs less resemblance than the one after it.
    if (score >= (i === lastIdx + 1 ? FUZZY_MIN_NEXT : FUZZY_MIN) && score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** The Table 2 row group (`（三）不予公开`) this label key names, or null. */
export function matchGroup(t: Template, key: string): string | null {
  if (!key || key.length > MAX_LABEL_KEY) return null;
  const bare = key.replace(LEADING_NUMBERING, '');
  for (const g of t.applications.rowGroups) {
    if (g.keys.some((k) => bare.includes(k) || (bare.length >= 4 && k.startsWith(bare)))) return g.id;
  }
  return null;
}

/** Rows expected but not found; two or more at the end mean the table was cut off. */
export function missingAndTruncation(
  expected: readonly { id: string; label: string }[], found: ReadonlyMap<string, TableRow>, reachesEnd: boolean,
  covered: ReadonlySet<string> = new Set(),
): { missing: MissingRow[]; truncatedAt: Span | null } {
  let lastFound = -1;
  expected.forEach((r, i) => { if (found.has(r.id) || covered.has(r.id)) lastFound = i; });
  const missing: MissingRow[] = [];
  if (lastFound < 0) return { missing, truncatedAt: null };
  let lastRow: TableRow | undefined;
  for (let i = lastFound; i >= 0 && !lastRow; i--) lastRow = found.get(expected[i].id);
  if (!lastRow) return { missing, truncatedAt: null };
  const trailing = expected.length - 1 - lastFound;
  // Cut off, not merely incomplete: the text ends in the table, or its last row breaks off mid-row.
  const truncatedAt = trailing >= 2 && (reachesEnd || lastRow.cells === null) ? lastSpanOf(lastRow) : null;
  const upTo = truncatedAt ? lastFound : expected.length - 1;
  for (let i = 0; i <= upTo; i++) {
    if (found.has(expected[i].id) || covered.has(expected[i].id)) continue;
    let near: Span = lastSpanOf(lastRow);
    for (let j = i + 1; j < expected.length; j++) {
      const next = found.get(expected[j].id);
      if (next) { near = next.labelSpan; break; }
    }
    missing.push({ id: expected[i].id, label: expected[i].label, near });
  }
  return { missing, truncatedAt };
}

export function tableSpan(rows: readonly TableRow[], first: Span | null): Span | null {
  if (!rows.length) return null;
  let start = first?.start ?? Infinity;
  let end = -Infinity;
  for (const r of rows) {
    start = Math.min(start, r.labelSpan.start);
    end = Math.max(end, lastSpanOf(r).end);
  }
  return { start, end };
}

/** A group that is a single row in the other format version (（六）其他处理 in 2019), with the rows it stands for here. */
export function collapsibleGroup(t: Template, groupId: string): { version: FormatVersion; covers: string[] } | null {
  const covers = t.applications.rows.filter((r) => r.group === groupId).map((r) => r.id);
  if (!covers.length) return null;
  const other: FormatVersion = t.version === '2019' ? '2021' : '2019';
  return TEMPLATES[other].applications.rows.some((r) => r.id === groupId) ? { version: other, covers } : null;
}

/** The rows read, in the template's order, a row of the other version's shape in the place of the rows it covers. */
export function rowsInTemplateOrder(
  rows: readonly RowDef[], found: ReadonlyMap<string, TableRow>, variants: readonly RowVariant[],
): TableRow[] {
  const order = rows.map((r) => r.id);
  for (const v of variants) order.splice(order.indexOf(v.covers[0]), 0, v.rowId);
  return order.filter((id) => found.has(id)).map((id) => found.get(id) as TableRow);
}
