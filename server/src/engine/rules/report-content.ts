import type { Rule } from './types';
import { MAX_REPORT_BYTES, utf8Length } from '../limits';

export const reportEmpty: Rule = {
  code: 'report-empty', aliases: [], defaultSeverity: 'error', tags: ['input'], fix: 'none',
  run(report, ctx) {
    if (report.content === 'empty') ctx.report({ span: { start: 0, end: 0 }, message: { key: 'report-empty' } });
  },
};

export const reportBinary: Rule = {
  code: 'report-binary', aliases: [], defaultSeverity: 'error', tags: ['input'], fix: 'none',
  run(report, ctx) {
    // The first character, whole: an astral character is two UTF-16 units (issue 9).
    const first = report.text.codePointAt(0) ?? 0;
    if (report.content === 'binary') ctx.report({ span: { start: 0, end: Math.min(report.lines[0].end, first > 0xffff ? 2 : 1) }, message: { key: 'report-binary' } });
  },
};

/** Above the size cap nothing is parsed: one finding, and the editor stays responsive (issue 8). */
export const reportTooLarge: Rule = {
  code: 'report-too-large', aliases: [], defaultSeverity: 'warning', tags: ['input'], fix: 'none',
  run(report, ctx) {
    if (report.content !== 'too-large') return;
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    ctx.report({
      span: { start: 0, end: Math.min(report.lines[0].end, report.text.length) },
      message: { key: 'report-too-large', args: { size: mb(utf8Length(report.text)), limit: mb(MAX_REPORT_BYTES) } },
    });
  },
};
