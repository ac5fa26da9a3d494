import type { Rule } from './types';
import { endOfText, trailingMissingSections } from '../query/structure';
import { tableSkeleton } from '../skeleton';
import type { Span } from '../model';

export const sectionMissing: Rule = {
  code: 'section-missing', aliases: [], defaultSeverity: 'error', tags: ['structure'], fix: 'safe',
  run(report, ctx) {
    if (report.content !== 'text') return;
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
      const body = withTable ? eol + tableSkeleton(report.template, def.table!, eol) : '';
      if (beforeLine !== undefined) {
        insertAt = report.lines[beforeLine].start;
        text = table ? def.heading + eol : def.heading + body + eol + eol;
        span = table || beforeTable ? { start: insertAt, end: report.lines[beforeLine].end } : next!.heading.span;
      } else {
        insertAt = report.text.length;
        const trailingEol = /(\r\n|\r|\n)$/.test(report.text);
        text = (trailingEol ? '' : eol) + eol + def.heading + body + eol;
        span = endOfText(report);
      }
      ctx.report({
        span,
        message: { key: 'section-missing', args: { numeral: def.numeral, heading: def.heading } },
        fix: {
          title: withTable
            ? { key: 'fix.insertSectionWithTable', args: { numeral: def.numeral, version: report.template.version } }
            : { key: 'fix.insertSection', args: { numeral: def.numeral, heading: def.heading } },
          edits: [{ span: { start: insertAt, end: insertAt }, newText: text }],
        },
        target: { row: `section-${def.no}` },
      });
    }
  },
};
