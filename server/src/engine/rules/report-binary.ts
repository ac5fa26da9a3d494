/** report-binary: the file is not text. */
import type { Rule } from './types';

export const reportBinary: Rule = {
  code: 'report-binary', aliases: [], defaultSeverity: 'error', tags: ['input'], fix: 'none',
  run(report, ctx) {
    // The first character, whole: an astral character is two UTF-16 units.
    const first = report.text.codePointAt(0) ?? 0;
    if (report.content === 'binary') ctx.report({ span: { start: 0, end: Math.min(report.lines[0].end, first > 0xffff ? 2 : 1) }, message: { key: 'report-binary' } });
  },
};
