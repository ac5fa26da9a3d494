import type { Rule } from './types';
import { endOfText, trailingMissingSections } from '../query/structure';
import { sectionNumeral } from '../query/labels';
import { tableSkeleton } from '../skeleton';
import type { Report, Span } from '../model';
import { isFragment } from '../query/structure';

/** The first line with text: where a finding about the whole text's structure goes. */
function firstTextLine(report: Report): Span {
  const line = report.lines.find((l) => l.text.trim() !== '') ?? report.lines[0];
  const s = line.text.length - line.text.trimStart().length;
  return { start: line.start + s, end: line.start + line.text.trimEnd().length };
}

/**
 * Inserting a section is never unattended: where it goes and whether the writer left it out or wrote
 * it under another title is a guess, so the heading (with an empty table) is a suggestion.
 */
export const sectionMissing: Rule = {
  code: 'section-missing', aliases: [], defaultSeverity: 'error', tags: ['structure'], fix: 'suggestion',
  run(report, ctx) {
    if (report.content !== 'text') return;
    // A narrative numbered like sections: section-structure says so once.
    if (report.narrative) return;
    if (!report.sections.length) {
      // No heading at all: one finding, not six; an excerpt without a title is only noted.
      ctx.report({
        span: report.title?.span ?? firstTextLine(report),
        severity: report.title ? undefined : 'info',
        message: { key: report.title ? 'section-missing.all' : 'section-missing.fragmentAll' },
      });
      return;
    }
    if (isFragment(report)) {
      const first = report.sections.reduce((a, b) => (b.no < a.no ? b : a));
      const last = report.sections.reduce((a, b) => (b.no > a.no ? b : a));
      ctx.report({
        span: first.heading.span, severity: 'info',
        message: { key: 'section-missing.fragment', args: { first: sectionNumeral(first.no), last: sectionNumeral(last.no) } },
      });
      return;
    }
    const cut = new Set(trailingMissingSections(report));
    const eol = report.eol;
    for (const def of report.template.sections) {
      if (report.sections.some((s) => s.no === def.no) || cut.has(def.no)) continue;
      const table = def.table ? report.tables[def.table] : undefined;
      // Where the heading belongs: before this section's own table, else before the next section found
      // or the table of a later section that lacks its heading too (一 went after 二's table).
      const next = report.sections.filter((s) => s.no > def.no).sort((a, b) => a.heading.line - b.heading.line)[0];
      const nextTable = report.template.sections
        .filter((d) => d.no > def.no && d.table && !report.sections.some((s) => s.no === d.no))
        .flatMap((d) => report.tables[d.table!] ?? []).sort((a, b) => a.firstLine - b.firstLine)[0];
      const beforeTable = !table && nextTable && (!next || nextTable.firstLine < next.heading.line);
      const beforeLine = table ? table.firstLine : beforeTable ? nextTable.firstLine : next?.heading.line;
      let insertAt: number;
      let text: string;
      let span: Span;
      const withTable = def.table !== null && !table;
      const body = withTable ? eol + tableSkeleton(report.template, def.table, eol) : '';
      if (beforeLine !== undefined) {
        insertAt = report.lines[beforeLine].start;
        text = table ? def.heading + eol : def.heading + body + eol + eol;
        span = table || beforeTable ? { start: insertAt, end: report.lines[beforeLine].end } : next.heading.span;
      } else {
        insertAt = report.text.length;
        const trailingEol = /(\r\n|\r|\n)$/.test(report.text);
        text = (trailingEol ? '' : eol) + eol + def.heading + body + eol;
        span = endOfText(report);
      }
      ctx.report({
        span,
        message: { key: 'section-missing', args: { numeral: def.numeral, heading: def.heading } },
        suggestions: [{
          title: withTable
            ? { key: 'fix.insertSectionWithTable', args: { numeral: def.numeral, version: report.template.version } }
            : { key: 'fix.insertSection', args: { numeral: def.numeral, heading: def.heading } },
          edits: [{ span: { start: insertAt, end: insertAt }, newText: text }],
        }],
        target: { row: `section-${def.no}` },
      });
    }
  },
};
