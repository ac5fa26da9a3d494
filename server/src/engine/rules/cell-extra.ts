import type { Rule } from './types';
import { shortLabel } from '../query/labels';

export const cellExtra: Rule = {
  code: 'cell-extra', aliases: [], defaultSeverity: 'warning', tags: ['table'], fix: 'none',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      for (const row of t?.rows ?? []) {
        if (!row.extra.length) continue;
        ctx.report({
          span: { start: row.extra[0].span.start, end: row.extra[row.extra.length - 1].span.end },
          message: { key: 'cell-extra', args: { row: shortLabel(row.label), expected: row.columns.length, found: row.found.length } },
          related: [{ span: row.labelSpan, message: { key: 'related.found', args: { value: row.found.length } } }],
          target: { row: row.id },
        });
      }
    }
  },
};
