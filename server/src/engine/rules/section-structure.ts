/**
 * section-structure: the body numbers its own narrative 一、二、… and then numbers the template's sections
 * again. One finding on the first narrative item; the headings inside the narrative are not read as
 * sections (see parse/narrative.ts), so no section is reported missing, repeated or out of order for it.
 * When the sections are numbered again from 一 (`一、主动公开政府信息情况` and its table), the one finding says
 * so, and section-numbering is silent about the headings so renumbered.
 */
import type { Rule } from './types';
import { sectionNumeral } from '../query/labels';

export const sectionStructure: Rule = {
  code: 'section-structure', aliases: [], defaultSeverity: 'warning', tags: ['structure'], fix: 'none',
  run(report, ctx) {
    const n = report.narrative;
    if (!n) return;
    const first = n.items[0];
    const last = n.items[n.items.length - 1];
    const text = (s: { start: number; end: number }) => report.text.slice(s.start, s.end);
    const args = {
      firstLine: first.line + 1, first: text(first.span), last: text(last.span),
      restartLine: n.restart.line + 1, restart: text(n.restart.span),
    };
    ctx.report({
      span: first.span,
      message: n.shift > 0
        ? { key: 'section-structure.renumbered', args: { ...args, shift: n.shift, numeral: sectionNumeral(n.restart.no) } }
        : { key: 'section-structure', args },
      related: [{ span: n.restart.span, message: { key: 'related.sectionRestart' } }],
    });
  },
};
