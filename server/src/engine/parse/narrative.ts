/**
 * Body text numbered like sections. Some bodies number their own narrative 一、二、… (`一、强化组织领导`,
 * `二、深化主动公开`) and then number the template's sections again (`二、主动公开政府信息情况`). Read as
 * sections, the narrative items would duplicate and reorder the real ones and move the tables' regions;
 * they are the body of section 一 (or of the text before the sections) instead.
 */
import { labelKey } from '../text/normalize';
import { TEMPLATES } from '../template';
import type { Line } from '../text/lines';
import { parseNumeral } from '../text/numerals';
import type { Heading, NarrativeNumbering } from '../model';
import { PerLine, type Version } from '../incremental/versions';
import { isLeadUnit, isTrailUnit } from '../text/chars';

const NUMBERED = /^([一二三四五六七八九十]{1,3})\s*、/;
/**
 * Table 2's own 一…四 rows are numbered like sections but are table rows: the keys of its top-level rows and
 * groups (本年新收, 上年结转, 本年度办理结果, 结转下年), from the template.
 */
const TABLE_ROW_STARTS: readonly string[] = (() => {
  const t = TEMPLATES['2021'].applications;
  return [
    ...t.rows.filter((r) => !r.group).flatMap((r) => r.match.contains),
    ...t.rowGroups.filter((g) => g.parent === null).flatMap((g) => g.keys),
  ];
})();
/** An item is named by its title; a paragraph without a stop is named by its first characters. */
const MAX_ITEM = 40;

interface Numbered {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly heading: Heading | null;
}

/** A line numbered like a section, without its heading: a function of the line's text alone. */
type NumberedLine = Omit<Numbered, 'heading'>;

function numberedLine(line: Line): NumberedLine | null {
  const text = line.text;
  let s = 0;
  while (s < text.length && isLeadUnit(text.charCodeAt(s))) s++;
  // The numbering starts the content: most lines start with anything but a Chinese numeral.
  if (!'一二三四五六七八九十'.includes(text[s] ?? '')) return null;
  const m = NUMBERED.exec(text.slice(s, s + 8));
  if (!m) return null;
  if (text.length <= 400 && text.split(/[\t|]/).filter((c) => c.trim() !== '').length >= 2) return null;
  const body = labelKey(text.slice(s + m[0].length, s + m[0].length + 12));
  if (TABLE_ROW_STARTS.some((w) => body.startsWith(w))) return null;
  const value = parseNumeral(m[1]);
  if (value === null || value < 1) return null;
  let e = text.length;
  while (e > s && isTrailUnit(text.charCodeAt(e - 1))) e--;
  // A numbered paragraph (`一、强化组织领导。本机关…`): the item is its title, up to the first stop.
  const stop = text.slice(s, Math.min(e, s + MAX_ITEM)).search(/[。；;：:，,]/);
  if (stop > 0) e = s + stop;
  else if (e - s > MAX_ITEM) {
    e = s + MAX_ITEM;
    // Never end between the halves of a surrogate pair.
    if (/[\ud800-\udbff]/.test(text[e - 1])) e--;
  }
  return { line: line.index, start: line.start + s, end: line.start + e, value };
}

const moveNumbered = (n: NumberedLine | null, delta: number, line: Line): NumberedLine | null =>
  n && { line: line.index, start: n.start + delta, end: n.end + delta, value: n.value };

function numberedLines(lines: readonly Line[], headings: readonly Heading[], version?: Version): Numbered[] {
  const byLine = new Map(headings.map((h) => [h.line, h]));
  const out: Numbered[] = [];
  const numberOf = new PerLine(version, 'numbered', moveNumbered);
  for (const line of lines) {
    const n = numberOf.at(line, numberedLine);
    if (n) out.push({ ...n, heading: byLine.get(line.index) ?? null });
  }
  return out;
}

/** Restarts tried, from the end: a report has six sections, so a few are plenty (and keep this linear). */
const MAX_CANDIDATES = 8;

/**
 * The numbered narrative, when the numbering starts again at a section heading numbered as its section
 * (`二、主动公开政府信息情况` after `六、强化监督保障`) and the section headings run on in order from there
 * (items numbered inside a later section, such as 五's `一、存在的问题`, do not count); the run before it
 * holds at least one item that is no section heading of its number (`一、强化组织领导`), and at least two
 * items numbered from the restart's number on. A heading merely repeated or out of order is not this.
 */
export function findNarrativeNumbering(
  lines: readonly Line[], headings: readonly Heading[], version?: Version, confirmed: ReadonlySet<Heading> = new Set(),
): NarrativeNumbering | null {
  const items = numberedLines(lines, headings, version);
  const isSection = (x: Numbered): x is Numbered & { readonly heading: Heading } => x.heading !== null && x.heading.no === x.value;
  // A section heading numbered below its place (`一、主动公开政府信息情况`) is one when what follows it is its
  // table (its rows or its caption): the template's sections numbered again from 一.
  const isRestart = (x: Numbered): x is Numbered & { readonly heading: Heading } =>
    isSection(x) || (x.heading !== null && confirmed.has(x.heading) && x.heading.no > x.value);
  let tried = 0;
  // The lowest section number among the section headings after the current item: they must not go down.
  let nextSection = Infinity;
  for (let k = items.length - 1; k > 0 && tried < MAX_CANDIDATES; k--) {
    const restart = items[k];
    if (!isRestart(restart)) continue;
    if (restart.value > nextSection) return null;
    nextSection = restart.value;
    if (restart.value >= items[k - 1].value) continue;
    tried++;
    // The narrative is the run right before the restart, from its last 一 on, without the section
    // heading 一 itself when the narrative follows it under its own numbering.
    let from = k - 1;
    while (from > 0 && items[from].value !== 1) from--;
    while (from < k && isSection(items[from]) && items[from].value < restart.value) from++;
    const narrative = items.slice(from, k);
    if (narrative.filter((x) => x.value >= restart.value).length < 2) continue;
    if (!narrative.some((x) => !isSection(x))) continue;
    const shift = restart.heading.no - restart.value;
    return {
      items: narrative.map((x) => ({ line: x.line, span: { start: x.start, end: x.end }, value: x.value })),
      restart: restart.heading,
      // Headings inside the narrative that name the restart's section or a later one are narrative items, not
      // sections (`二、主动公开` before `一、主动公开政府信息情况` and its table).
      dropped: narrative.flatMap((x) => (x.heading && x.heading.no >= restart.heading.no ? [x.heading] : [])),
      shift,
    };
  }
  return null;
}
