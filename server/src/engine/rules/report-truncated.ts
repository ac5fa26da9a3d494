import type { Rule } from './types';
import { endOfText, expectedRows, trailingMissingSections } from '../query/structure';
import { sectionNumeral, tableName } from '../query/labels';
import type { Report, Span } from '../model';
import { isPageArtefact } from '../parse/sections';
import { isFragment } from '../query/structure';

/** A sentence, a quotation or a bracket closed; a full stop in ASCII too. */
const CLOSED = /[。！？!?…”’"」』）)\]】》.]$/;
/** Punctuation that always continues: the text stopped inside a sentence. */
const CONTINUES = /[，、；：,;:（(“「《]$/;
/** `2024年1月20日`, `二〇二四年一月二十日`: the date under the signature. */
const DATE = /年\s*[\d一二三四五六七八九十〇○零]{1,3}\s*月\s*[\d一二三四五六七八九十〇○零]{1,3}\s*日$/;

/**
 * How the text ends, when it ends inside a sentence: on a broken character (U+FFFD, what a cut
 * multi-byte character becomes), after a comma or colon, or a long line with clauses and no full stop.
 * Signatures, dates, page numbers, headings, `特此报告` and a last table row are normal endings.
 */
function cutEnding(report: Report): { span: Span; tail: string; broken: boolean } | null {
  let i = report.lines.length - 1;
  while (i >= 0 && (report.lines[i].text.trim() === '' || isPageArtefact(report.lines[i].text, false))) i--;
  if (i < 0 || report.tableLines.has(i)) return null;
  const line = report.lines[i];
  // A loop, not `/[\s*|]+$/`: that regex is quadratic on a long run of blanks before another character.
  let end = line.text.length;
  while (end > 0 && /[\s*|]/.test(line.text[end - 1])) end--;
  const text = line.text.slice(0, end);
  if (text.split(/[\t|]/).filter((c) => c.trim() !== '').length >= 2) return null;
  const lead = text.length - text.trimStart().length;
  const span = { start: line.start + lead, end: line.start + text.length };
  const tail = Array.from(report.text.slice(span.start, span.end)).slice(-12).join('');
  // Checked on the original text: folding may map U+FFFD to nothing else, but the original is the truth.
  if (report.text.slice(span.start, span.end).endsWith('\ufffd')) return { span, tail, broken: true };
  const t = text.trim();
  if (CLOSED.test(t) || DATE.test(t) || /[A-Za-z0-9]$/.test(t)) return null;
  if (CONTINUES.test(t)) return { span, tail, broken: false };
  // A long line of clauses without a full stop: a sentence cut short. Short lines are signatures,
  // headings or `特此报告`.
  if (t.length > 20 && /[，；,;]/.test(t)) return { span, tail, broken: false };
  return null;
}

export const reportTruncated: Rule = {
  code: 'report-truncated', aliases: [], defaultSeverity: 'error', tags: ['structure'], fix: 'none',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      if (!t?.truncatedAt) continue;
      let count: number;
      let next: string;
      if (t.id === 'review') {
        count = t.rows[0].columns.length - t.rows[0].found.length;
        next = t.rows[0].columns[t.rows[0].found.length]?.label ?? '';
      } else {
        const expected = expectedRows(report, t.id);
        const lastFound = expected.findIndex((r) => r.id === t.rows[t.rows.length - 1].id);
        count = expected.length - 1 - lastFound;
        next = expected[lastFound + 1]?.label ?? '';
      }
      ctx.report({ span: t.truncatedAt, message: { key: 'report-truncated.table', args: { table: tableName(report, t.id), count, next } } });
    }
    const trailing = trailingMissingSections(report);
    // A table cut off in the last section found already says the text ends there: one finding.
    // (The last section found by its heading or, when the heading is missing, by its table: as in trailingMissingSections.)
    const sectionOf = (id: string) => report.template.sections.find((d) => d.table === id)?.no ?? 0;
    const lastSection = Math.max(0, ...report.sections.map((s) => s.no), ...Object.values(report.tables).map((t) => sectionOf(t.id)));
    const cutInLast = Object.values(report.tables)
      .some((t) => t?.truncatedAt && report.template.sections.find((d) => d.table === t.id)?.no === lastSection);
    // An excerpt (a flipbook page) ends where its page ends: the sections after it are not cut off.
    const fragment = isFragment(report);
    if (trailing.length && !cutInLast && !fragment) {
      ctx.report({
        span: endOfText(report),
        message: { key: 'report-truncated.sections', args: { last: sectionNumeral(trailing[0] - 1), from: sectionNumeral(trailing[0]) } },
      });
      return;
    }
    // One finding: a cut table already says where the text stops; an excerpt's end is its page's end.
    if (report.content !== 'text' || Object.values(report.tables).some((t) => t?.truncatedAt) || fragment) return;
    const cut = cutEnding(report);
    if (!cut) return;
    ctx.report({
      span: cut.span, severity: 'warning',
      message: { key: cut.broken ? 'report-truncated.broken' : 'report-truncated.text', args: { tail: cut.tail } },
    });
  },
};
