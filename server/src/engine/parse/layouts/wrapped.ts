/**
 * PDF text laid out with `pdftotext -layout`: each row's numbers sit on one line, while its label may be
 * wrapped over two to four lines with the numbers on any of them (often the middle one), label fragments
 * above and below, and group labels (`（五）不予处理`, the vertical 三、本年度办理结果) interleaved.
 * Each line that carries numbers anchors a row; its label is put together from the text on its line and
 * the unclaimed fragments just above and below it, in the template's row order.
 */
import { labelKey } from '../../text/normalize';
import type { Line } from '../../text/lines';
import { positionAt } from '../../text/lines';
import { TEMPLATES } from '../../template';
import type { Template } from '../../template/types';
import { makeRow, makeTable, type Cell, type RowGroupLabel, type RowVariant, type Span, type TableRow } from '../../model';
import { cellOf, readCellText } from '../cells';
import { splitFields, type Field } from '../fields';
import { isPageArtefact } from '../sections';
import { collapsibleGroup, matchGroup, matchRow, matchRowFuzzy, missingAndTruncation, rowsInTemplateOrder, tableSpan } from './shared';
import type { LayoutReader, Region, TableReading } from './types';

interface LayoutLine {
  readonly index: number;
  /** Label text on the line (group labels removed). */
  readonly texts: readonly Field[];
  readonly numbers: readonly Field[];
  readonly groups: readonly { readonly id: string; readonly field: Field }[];
}

const MAX_FRAGMENTS = 4;
const SENTENCE = /[。；;]/;
const LABEL_START = /^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}\s*、|\d{1,2}\s*[.．、])/;

function layoutLines(t: Template, lines: readonly Line[], region: Region): LayoutLine[] | null {
  const out: LayoutLine[] = [];
  let spacedNumberLines = 0;
  for (let i = region.from; i <= region.to && i < lines.length; i++) {
    const text = lines[i].text;
    if (text.trim() === '' || isPageArtefact(text, true)) continue;
    // TAB and pipe rows are the row reader's: this reader is for text laid out with spaces.
    if (text.includes('\t') || text.includes('|')) return null;
    const lf = splitFields(lines[i]);
    let k = lf.nonEmpty.length;
    while (k > 0 && readCellText(lf.nonEmpty[k - 1].text).kind !== 'text') k--;
    const numbers = lf.nonEmpty.slice(k);
    const texts: Field[] = [];
    const groups: { id: string; field: Field }[] = [];
    for (const f of lf.nonEmpty.slice(0, k)) {
      const g = matchGroup(t, labelKey(f.text));
      // A field naming a group and nothing more is the group column; one naming a row too is a row label.
      if (g && matchRow(t.applications.rows, labelKey(f.text), -1) < 0) groups.push({ id: g, field: f });
      else texts.push(f);
    }
    if (numbers.length >= 3) spacedNumberLines++;
    out.push({ index: i, texts, numbers, groups });
  }
  return spacedNumberLines >= 3 ? out : null;
}

const joinKey = (parts: readonly (readonly Field[])[]) => labelKey(parts.flat().map((f) => f.text).join(''));

/** Unclaimed text lines between a data line and its neighbouring data lines, nearest first: the label's fragments. */
function fragmentsAround(
  items: readonly LayoutLine[], at: number, prevData: number, nextData: number, claimed: ReadonlySet<number>,
): { above: number[]; below: number[] } {
  const above: number[] = [];
  for (let i = at - 1; i > prevData && above.length < MAX_FRAGMENTS; i--) {
    if (claimed.has(i)) break;
    if (items[i].texts.some((f) => SENTENCE.test(f.text))) break;
    if (items[i].texts.length) above.push(i);
  }
  const below: number[] = [];
  for (let i = at + 1; i < nextData && below.length < MAX_FRAGMENTS; i++) {
    if (items[i].texts.some((f) => SENTENCE.test(f.text))) break;
    if (items[i].texts.length) below.push(i);
  }
  return { above, below };
}

interface LabelCandidate {
  readonly key: string;
  /** The fragment lines the label is put together from. */
  readonly uses: number[];
}

/**
 * The labels a data line may have, most likely first: its own text; joined with the fragments above it up to
 * the line that starts the label (never tails of the row above); joined with the fragments below it up to the
 * next line that starts a label of its own; and both.
 */
function labelCandidates(
  items: readonly LayoutLine[], own: readonly Field[], above: readonly number[], below: readonly number[],
): LabelCandidate[] {
  // A label's first line starts with its numbering (`5.`, `（二）`, `一、`); its other lines do not.
  const startsLabel = (i: number) => LABEL_START.test(items[i].texts[0]?.text ?? '');
  const ownStarts = own.length > 0 && LABEL_START.test(own[0].text);
  const candidates: LabelCandidate[] = [];
  if (own.length) candidates.push({ key: joinKey([own]), uses: [] });
  const ups: number[] = [];
  if (!ownStarts) {
    for (const i of above) {
      ups.push(i);
      if (startsLabel(i)) break;
    }
  }
  const upRuns: number[][] = [];
  for (let a = ups.length; a >= 1; a--) upRuns.push(ups.slice(0, a).reverse());
  for (const run of upRuns) candidates.push({ key: joinKey([...run.map((i) => items[i].texts), own]), uses: run });
  const downs: number[] = [];
  for (const i of below) {
    if (startsLabel(i)) break;
    downs.push(i);
  }
  for (let b = 1; b <= downs.length; b++) {
    const tail = downs.slice(0, b);
    candidates.push({ key: joinKey([own, ...tail.map((i) => items[i].texts)]), uses: tail });
    for (const run of upRuns) {
      const texts = [...run.map((i) => items[i].texts), own, ...tail.map((i) => items[i].texts)];
      candidates.push({ key: joinKey(texts), uses: [...run, ...tail] });
    }
  }
  return candidates;
}

/**
 * The template row a data line is: the first candidate label naming a row after `lastIdx`, else (a garbled label on
 * the line of its numbers) the next row expected that its own label still resembles.
 */
function chooseRow(
  rows: Template['applications']['rows'], own: readonly Field[], candidates: readonly LabelCandidate[], lastIdx: number,
): { idx: number; uses: number[] } | null {
  for (const c of candidates) {
    const idx = matchRow(rows, c.key, lastIdx);
    if (idx >= 0) return { idx, uses: c.uses };
  }
  if (own.length && matchRow(rows, joinKey([own]), -1) < 0) {
    const idx = matchRowFuzzy(rows, joinKey([own]), lastIdx);
    if (idx >= 0) return { idx, uses: [] };
  }
  return null;
}

/** Table 2 from `pdftotext -layout` text. */
export function readApplicationsWrapped(t: Template, lines: readonly Line[], region: Region): TableReading | null {
  const items = layoutLines(t, lines, region);
  if (!items) return null;
  const def = t.applications;
  const n = def.columns.length;
  const found = new Map<string, TableRow>();
  const groups: RowGroupLabel[] = [];
  const variants: RowVariant[] = [];
  const claimed = new Set<number>();
  let lastIdx = -1;
  let leftovers = 0;
  let firstSpan: Span | null = null;
  let lastLineRead = region.from;

  const dataAt: number[] = [];
  items.forEach((it, i) => { if (it.numbers.length > 0) dataAt.push(i); });

  for (let d = 0; d < dataAt.length; d++) {
    const at = dataAt[d];
    const item = items[at];
    for (const g of item.groups) groups.push({ id: g.id, span: { start: g.field.start, end: g.field.end } });
    const prevData = d > 0 ? dataAt[d - 1] : -1;
    const nextData = d + 1 < dataAt.length ? dataAt[d + 1] : items.length;
    const { above, below } = fragmentsAround(items, at, prevData, nextData, claimed);
    const own = item.texts;
    const chosen = chooseRow(def.rows, own, labelCandidates(items, own, above, below), lastIdx);
    const labelField = (uses: readonly number[]): Field => {
      const fields = [...uses.map((i) => items[i].texts).flat(), ...own].sort((x, y) => x.start - y.start);
      return fields.length ? fields[0] : item.numbers[0];
    };
    const cells = item.numbers.map(cellOf);
    const rowOf = (id: string, label: string, field: Field, group?: string): TableRow => makeRow(
      id, label, { start: field.start, end: field.end }, def.columns, group,
      cells.length === n ? cells : cells.length > n ? cells.slice(0, n) : null,
      cells, cells.length > n ? cells.slice(n) : ([] as Cell[]),
    );
    if (!chosen) {
      // A group that is one row in the other version (（六）其他处理 in 2019), written with its own numbers.
      const g = item.groups.find((x) => collapsibleGroup(t, x.id));
      const c = g ? collapsibleGroup(t, g.id) : null;
      if (g && c && !c.covers.some((id) => found.has(id))) {
        const label = TEMPLATES[c.version].applications.rows.find((r) => r.id === g.id)?.label ?? g.field.text;
        const row = rowOf(g.id, label, g.field);
        found.set(g.id, row);
        variants.push({ rowId: g.id, version: c.version, span: row.labelSpan, covers: c.covers });
        lastIdx = Math.max(lastIdx, def.rows.findIndex((r) => r.id === c.covers[c.covers.length - 1]));
        lastLineRead = item.index;
        continue;
      }
      leftovers += cells.filter((x) => x.kind === 'number').length;
      continue;
    }
    for (const u of chosen.uses) claimed.add(u);
    const r = def.rows[chosen.idx];
    const field = labelField(chosen.uses);
    firstSpan ??= field;
    found.set(r.id, rowOf(r.id, r.label, field, r.group));
    lastIdx = chosen.idx;
    lastLineRead = item.index;
    if (chosen.idx === def.rows.length - 1) break;
  }
  if (found.size < 3) return null;
  const covered = new Set(variants.flatMap((v) => v.covers));
  const rows = rowsInTemplateOrder(def.rows, found, variants);
  const { missing, truncatedAt } = missingAndTruncation(def.rows, found, region.to >= lines.length - 1, covered);
  const span = tableSpan(rows, firstSpan) as Span;
  const table = makeTable({
    id: 'applications', version: t.version, span,
    firstLine: positionAt(lines, span.start).line, lastLine: Math.max(lastLineRead, positionAt(lines, span.end).line),
    rows, groups, missing, truncatedAt, variants: variants.length ? variants : undefined,
  });
  return { layout: 'pdf-wrapped', leftovers, table };
}

export const wrappedReader: LayoutReader = {
  id: 'pdf-wrapped',
  tables: ['applications'],
  read(template, lines, region, table) {
    return table === 'applications' ? readApplicationsWrapped(template, lines, region) : null;
  },
};
