import type { MessageKey } from '../../messages';
import type { Span } from '../model';
import type { Rule } from './types';
import { tableName } from '../query/labels';

/**
 * A table whose layout no reader could read with confidence: one finding on the table's heading, and
 * (because the parser keeps no rows for it) nothing else from that table.
 */
export const tableUnreadable: Rule = {
  code: 'table-unreadable', aliases: [], defaultSeverity: 'warning', tags: ['table', 'layout'], fix: 'none',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      if (!t?.reading || t.reading.readable) continue;
      const no = report.template.sections.find((d) => d.table === t.id)?.no;
      const heading = report.sections.find((s) => s.no === no)?.heading;
      const line = report.lines[t.firstLine];
      const span: Span = heading?.span ?? { start: line.start + (line.text.length - line.text.trimStart().length), end: line.end };
      const why = t.reading.reasons.find((r) => r.key === 'reading.rows');
      const complete = t.reading.reasons.find((r) => r.key === 'reading.complete');
      ctx.report({
        span,
        message: {
          key: 'table-unreadable',
          args: {
            table: tableName(report, t.id),
            layout: { key: `layout.${t.reading.layout}` as MessageKey },
            why: {
              key: 'table-unreadable.why',
              args: { expected: why?.args.expected ?? 0, found: why?.args.found ?? 0, complete: complete?.args.complete ?? 0 },
            },
          },
        },
        target: { row: t.id },
      });
    }
  },
};
