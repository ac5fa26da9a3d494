import type { Rule } from './types';
import { sectionNumeral } from '../query/labels';

/** Only `<Chinese numeral>、<title>` is the official style (a space after 、 is tolerated). */
export const sectionNumbering: Rule = {
  code: 'section-numbering', aliases: [], defaultSeverity: 'info', tags: ['structure', 'style'], fix: 'safe',
  run(report, ctx) {
    for (const s of report.sections) {
      const h = s.heading;
      const numeral = sectionNumeral(s.no);
      const official = `${numeral}、`;
      if (h.marker && h.marker.text === official) continue;
      const edit = h.marker
        ? { span: h.marker.span, newText: official }
        : { span: { start: h.span.start, end: h.span.start }, newText: official };
      ctx.report({
        span: h.marker ? h.marker.span : h.span,
        message: h.marker
          ? { key: 'section-numbering', args: { marker: h.marker.text, numeral } }
          : { key: 'section-numbering.none', args: { numeral, title: h.title } },
        fix: { title: { key: 'fix.renumber', args: { numeral } }, edits: [edit] },
        target: { row: `section-${s.no}` },
      });
    }
  },
};
