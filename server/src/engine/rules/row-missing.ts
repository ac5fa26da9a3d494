import type { Rule } from './types';
import { tableName } from '../query/labels';

export const rowMissing: Rule = {
  code: 'row-missing', aliases: [], defaultSeverity: 'error', tags: ['table'], fix: 'none',
  run(report, ctx) {
    for (const t of Object.values(report.tables)) {
      if (!t) continue;
      for (const m of t.missing) {
        ctx.report({ span: m.near, message: { key: 'row-missing', args: { table: tableName(report, t.id), row: m.label } }, target: { row: m.id } });
      }
    }
  },
};
