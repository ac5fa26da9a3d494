import type { Rule } from './types';

export const tableMissing: Rule = {
  code: 'table-missing', aliases: [], defaultSeverity: 'error', tags: ['table'], fix: 'none',
  run(report, ctx) {
    for (const s of report.sections) {
      const def = report.template.sections[s.no - 1];
      if (!def.table || report.tables[def.table]) continue;
      ctx.report({
        span: s.heading.span,
        message: { key: 'table-missing', args: { numeral: def.numeral, table: report.template[def.table].name } },
        target: { row: def.table },
      });
    }
  },
};
