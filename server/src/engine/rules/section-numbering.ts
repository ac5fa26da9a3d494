import type { Rule } from './types';
import { sectionNumeral } from '../query/labels';
import { departsFromTemplate, isOfficialTitle } from '../query/structure';

/**
 * Only `<Chinese numeral>、<title>` is the official style (a space after 、 is tolerated). The new number
 * is certain only when the title is the section's official one (or a variant naming it exactly) and the
 * sections follow the template; otherwise the heading may be something else read as a section, and the
 * renumbering is a suggestion.
 */
export const sectionNumbering: Rule = {
  code: 'section-numbering', aliases: [], defaultSeverity: 'info', tags: ['structure', 'style'], fix: 'safe',
  run(report, ctx) {
    const departs = departsFromTemplate(report);
    // Sections numbered again from 一 after a numbered narrative: section-structure's one finding covers them.
    const renumberedFrom = report.narrative && report.narrative.shift > 0 ? report.narrative.restart.line : Infinity;
    for (const s of report.sections) {
      const h = s.heading;
      if (h.line >= renumberedFrom) continue;
      const numeral = sectionNumeral(s.no);
      const official = `${numeral}、`;
      if (h.marker && h.marker.text === official) continue;
      const edit = h.marker
        ? { span: h.marker.span, newText: official }
        : { span: { start: h.span.start, end: h.span.start }, newText: official };
      const fix = { title: { key: 'fix.renumber' as const, args: { numeral } }, edits: [edit] };
      const certain = !departs && isOfficialTitle(s.no, h.title);
      ctx.report({
        span: h.marker ? h.marker.span : h.span,
        message: h.marker
          ? { key: 'section-numbering', args: { marker: h.marker.text, numeral } }
          : { key: 'section-numbering.none', args: { numeral, title: h.title } },
        ...(certain ? { fix } : { suggestions: [fix] }),
        target: { row: `section-${s.no}` },
      });
    }
  },
};
