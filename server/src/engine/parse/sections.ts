/** Finding the title, the year and the six section headings (docs/format.md, "Sections and headings", "Report year"). */
import { labelKey } from '../text/normalize';
import type { Line } from '../text/lines';
import { parseNumeral } from '../text/numerals';
import { TEMPLATES } from '../template';
import { APPLICATION_HEADER_WORDS, REVIEW_HEADER_WORDS, UNNUMBERED_HEADING_ENDINGS } from '../template/matching';
import type { Template } from '../template/types';
import type { Caption, Heading, Span, SubHeading } from '../model';
import { firstUnitsOf, isLeadUnit, isTrailUnit } from '../text/chars';

// A digit may follow 、 (`二、2022年主动公开…`), not `.` `,` `:` (`1.5`): issue 9.
const LEVEL1_MARKER = /^([一二三四五六七八九十]{1,3}|\d{1,2})(\s*(?:、|[.,:](?!\d)))\s*/;
const LEVEL2_MARKER = /^[(（]\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]/;
const LEADING_NUMBERING = /^[一二三四五六七八九十\d]+/;
const SECTION_CHECK_ORDER = [4, 5, 6, 3, 2, 1];
const MAX_TITLE_KEY = 30;

/** Keys of every table label of both versions, and every prefix of 4+ characters of them (docs/format.md, "Recognising a heading"). */
const TABLE_LABEL_PREFIXES: ReadonlySet<string> = (() => {
  const keys = new Set<string>();
  const add = (label: string) => {
    const k = labelKey(label);
    for (const key of [k, k.replace(LEADING_NUMBERING, '')]) {
      if (!key) continue;
      keys.add(key);
      for (let n = 4; n < key.length; n++) keys.add(key.slice(0, n));
    }
  };
  for (const t of Object.values(TEMPLATES)) {
    for (const b of t.active.blocks) {
      add(b.label);
      b.columns.forEach((c) => add(c.label));
      b.rows.forEach((r) => add(r.label));
    }
    t.applications.rows.forEach((r) => add(r.label));
    t.applications.rowGroups.forEach((g) => add(g.label));
    t.applications.columns.forEach((c) => add(c.label));
    t.review.columns.forEach((c) => add(c.label));
    t.review.columnGroups.forEach((g) => add(g.label));
  }
  [...APPLICATION_HEADER_WORDS, ...REVIEW_HEADER_WORDS, '信息内容'].forEach(add);
  return keys;
})();

/** Start and end of a line's text without surrounding blanks, markdown `#` and `**`, and pipes. */
function contentBounds(text: string): [number, number] {
  let s = 0;
  let e = text.length;
  // Stray pipes too (`| 三、… |`, a one-cell pipe row): a numbering fix goes after them (issue 9).
  while (s < e && isLeadUnit(text.charCodeAt(s))) s++;
  while (e > s && isTrailUnit(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

/**
 * Every section's first keyword group names a word that a heading must hold (sectionByKeywords): a line without the
 * first character of any of those words is no heading, and one expression tells (`[总基概主申复诉问其]`).
 */
const KEYWORD_STARTS = new WeakMap<Template, RegExp>();
function keywordStartsOf(template: Template): RegExp {
  let re = KEYWORD_STARTS.get(template);
  if (!re) {
    // A section without keywords would take any line with an ideograph.
    re = template.sections.some((d) => d.allOf.length === 0 || d.allOf[0].length === 0)
      ? /[\u4e00-\u9fff]/ : firstUnitsOf(template.sections.flatMap((d) => d.allOf[0]));
    KEYWORD_STARTS.set(template, re);
  }
  return re;
}

function sectionByKeywords(template: Template, key: string): number | null {
  for (const no of SECTION_CHECK_ORDER) {
    const def = template.sections[no - 1];
    if (def.noneOf.some((w) => key.includes(w))) continue;
    if (def.allOf.every((group) => group.some((w) => key.includes(w)))) return no;
  }
  return null;
}

/**
 * A table caption (`表三：收到和处理政府信息公开申请情况`, `## 表二 主动公开政府信息情况`): it names a table and
 * is never a section heading (docs/format.md, "Own numbering and captions").
 */
const CAPTION = /^表\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*(?:[：:、.．]\s*|\s+)/;
const CAPTION_START = /表\s*[一二三四五六七八九十\d]/;

/** The caption on this line and the section whose table it names, or null. */
export function readCaption(line: Line, template: Template): Caption | null {
  const text = line.text;
  if (text.length > 80 || !CAPTION_START.test(text)) return null;
  const [s, e] = contentBounds(text);
  const m = CAPTION.exec(text.slice(s, e));
  if (!m) return null;
  const key = labelKey(text.slice(s + m[0].length, e));
  if (!key || key.length > MAX_TITLE_KEY) return null;
  const no = sectionByKeywords(template, key);
  if (no === null || !template.sections[no - 1].table) return null;
  return { line: line.index, no, span: { start: line.start + s, end: line.start + e } };
}

/** The heading on this line, or null (docs/format.md, "Recognising a heading"). */
export function readHeading(line: Line, template: Template): Heading | null {
  const text = line.text;
  if (text.length > 120 || !keywordStartsOf(template).test(text)) return null;
  if ((text.includes('\t') || text.includes('|')) && text.split(/[\t|]/).filter((c) => c.trim() !== '').length >= 2) return null;
  const [s, e] = contentBounds(text);
  if (s >= e) return null;
  const content = text.slice(s, e);
  if (LEVEL2_MARKER.test(content) || CAPTION.test(content)) return null;
  if (/[。；，;,]$/.test(content)) return null;
  const lineKey = labelKey(content);
  if (TABLE_LABEL_PREFIXES.has(lineKey)) return null;
  const m = LEVEL1_MARKER.exec(content);
  const bodyStart = m ? s + m[0].length : s;
  const body = text.slice(bodyStart, e);
  const bodyKey = labelKey(body);
  if (!bodyKey || bodyKey.length > MAX_TITLE_KEY) return null;
  // Labels are keyed with and without their numbering; so is the line (`0其他对外管理服务事项` is a row: issue 9).
  if (TABLE_LABEL_PREFIXES.has(bodyKey) || TABLE_LABEL_PREFIXES.has(bodyKey.replace(LEADING_NUMBERING, ''))) return null;
  const no = sectionByKeywords(template, bodyKey);
  if (no === null) return null;
  if (!m && !UNNUMBERED_HEADING_ENDINGS.some((w) => bodyKey.endsWith(w))) return null;
  const start = line.start + s;
  const marker = m
    ? { span: { start, end: start + m[1].length + m[2].length }, text: m[1] + m[2], value: parseNumeral(m[1]) }
    : null;
  return {
    no, line: line.index, span: { start, end: line.start + e }, marker,
    titleSpan: { start: line.start + bodyStart, end: line.start + e }, title: body,
  };
}

/** A sub-heading `（一）主动公开情况` (up to its first full stop or colon when a paragraph follows inline). */
export function readSubHeading(line: Line): SubHeading | null {
  const [s, e] = contentBounds(line.text);
  const content = line.text.slice(s, e);
  const m = LEVEL2_MARKER.exec(content);
  if (!m) return null;
  if (line.text.split(/[\t|]/).filter((c) => c.trim() !== '').length >= 2) return null;
  const stop = content.slice(m[0].length).search(/[。：:；;]/);
  const len = stop < 0 ? content.length : m[0].length + stop;
  if (labelKey(content.slice(0, len)).length > 40) return null;
  if (TABLE_LABEL_PREFIXES.has(labelKey(content.slice(0, len)))) return null;
  return { line: line.index, span: { start: line.start + s, end: line.start + s + len }, text: content.slice(0, len) };
}

// `…2023年政府信息公开工作年度报告`, `…2023年度政务公开工作年度报告`, `关于2023年度政府信息公开工作情况的报告`.
const TITLE_YEAR = /(\d{4})年度?(?:政府信息公开|政务公开)[\u4e00-\u9fff]{0,12}?报告/;

/** The title: the first line before the first heading that names a report. */
export function readTitle(
  lines: readonly Line[], before: number,
): { span: Span; text: string; year: number | null; yearSpan: Span | null } | null {
  for (let i = 0; i < Math.min(before, lines.length, 15); i++) {
    const line = lines[i];
    const key = labelKey(line.text);
    if (!key.includes('报告') || key.length > 60) continue;
    if (!key.includes('政府信息公开') && !key.includes('政务公开')) continue;
    const [s, e] = contentBounds(line.text);
    const m = TITLE_YEAR.exec(key);
    let yearSpan: Span | null = null;
    let year: number | null = null;
    if (m) {
      year = Number(m[1]);
      const at = line.text.indexOf(m[1]);
      if (at >= 0) yearSpan = { start: line.start + at, end: line.start + at + 4 };
    }
    return { span: { start: line.start + s, end: line.start + e }, text: line.text.slice(s, e), year, yearSpan };
  }
  return null;
}

const PERIOD = /(?:统计期限|统计期|报告期|时间范围)[^。]{0,30}?(\d{4})\s*年\s*1\s*月\s*1\s*日/;

/** Fallback year: the statistics period, then the first 20NN年 of section 一. */
export function readYearFallback(lines: readonly Line[], from: number, to: number): { value: number; span: Span } | null {
  for (let i = 0; i < lines.length; i++) {
    const m = PERIOD.exec(lines[i].text);
    if (m) {
      const at = lines[i].text.indexOf(m[1], m.index);
      return { value: Number(m[1]), span: { start: lines[i].start + at, end: lines[i].start + at + 4 } };
    }
  }
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const m = /(20\d{2})\s*年/.exec(lines[i].text);
    if (m) return { value: Number(m[1]), span: { start: lines[i].start + m.index, end: lines[i].start + m.index + 4 } };
  }
  return null;
}

/** Lines that are only a page number or footer (`1`, `-2-`, `第2页 共5页`). */
export function isPageArtefact(text: string, insideTable: boolean): boolean {
  const t = text.trim();
  // Every artefact starts with a dash, a digit, a URL's scheme or 第: one look at the first character settles most lines.
  const c = t.charCodeAt(0);
  if (!(c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x66 || c === 0x68 || c === 0x7b2c)) return false;
  if (/^-+\s*\d{1,3}\s*-+$/.test(t)) return true;
  // What a browser prints in the margins: the page's address with `3/5`, the date and time with the title.
  if (/^\d{1,3}\s*\/\s*\d{1,3}$/.test(t) || /^(?:file|https?):\/\/\S+\s+\d{1,3}\s*\/\s*\d{1,3}$/.test(t)) return true;
  if (/^\d{1,4}[/-]\d{1,2}[/-]\d{1,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s|$)/.test(t)) return true;
  if (/^第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?$/.test(t)) return true;
  return !insideTable && /^\d{1,3}$/.test(t);
}
