import type { Rule } from './types';
import { MAX_REPORT_BYTES, utf8Length } from '../limits';

/** Above the size cap nothing is parsed: one finding, an error since nothing of the file is checked. */
export const reportTooLarge: Rule = {
  code: 'report-too-large', aliases: [], defaultSeverity: 'error', tags: ['input'], fix: 'none',
  run(report, ctx) {
    if (report.content !== 'too-large') return;
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    ctx.report({
      span: { start: 0, end: Math.min(report.lines[0].end, report.text.length) },
      message: { key: 'report-too-large', args: { size: mb(utf8Length(report.text)), limit: mb(MAX_REPORT_BYTES) } },
    });
  },
};
