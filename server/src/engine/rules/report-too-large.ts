import type { Rule } from './types';
import { overCapArgs, utf8Length } from '../limits';

/** Above the size cap nothing is parsed: one finding, an error since nothing of the file is checked. */
export const reportTooLarge: Rule = {
  code: 'report-too-large', aliases: [], defaultSeverity: 'error', tags: ['input'], fix: 'none',
  run(report, ctx) {
    if (report.content !== 'too-large') return;
    ctx.report({
      span: { start: 0, end: Math.min(report.lines[0].end, report.text.length) },
      message: { key: 'report-too-large', args: overCapArgs(utf8Length(report.text)) },
    });
  },
};
