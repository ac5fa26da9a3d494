import type { Rule } from './types';
import type { Report } from '../model';
import type { TableId } from '../template/types';
import { tableName } from '../query/labels';

/**
 * How many table-like lines a table's section may hold before it holds rows the template does not have: four
 * lines per cell of the template's table (labels, header words and numbers each on a line of their own, with
 * empty lines and spanned-cell placeholders between them, as one-cell-per-line text has), plus a margin.
 */
export function lineBound(report: Report, tableId: TableId): number {
  const t = report.template;
  let cells: number;
  if (tableId === 'active') cells = t.active.blocks.reduce((n, b) => n + 2 + b.columns.length + b.rows.length * (1 + b.columns.length), 0);
  else if (tableId === 'applications') {
    const a = t.applications;
    cells = (a.rows.length + 1) * (a.columns.length + 1) + a.rowGroups.length + a.headerWords.length;
  } else cells = t.review.columns.length * 2 + t.review.headerWords.length + t.review.columnGroups.length;
  return 4 * cells + 40;
}

/** A line that reads as part of a table: something other than spaces, split by TAB or `|`, or short and not a sentence. */
function tableLike(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && (/[\t|]/.test(t) || (t.length <= 40 && !/[。；]/.test(t)));
}

/**
 * A table's section holding far more table lines than the template has (100,000 junk rows after Table 1): the
 * lines beyond what any layout of the template needs are not the template's and were not checked. One finding
 * on the first line over the bound, with the table's start related; nothing per row.
 */
export const tableOversized: Rule = {
  code: 'table-oversized', aliases: [], defaultSeverity: 'warning', tags: ['table', 'layout'], fix: 'none',
  run(report, ctx) {
    for (const def of report.template.sections) {
      const table = def.table ? report.tables[def.table] : undefined;
      const section = report.sections.find((s) => s.no === def.no);
      if (!table || !section) continue;
      const bound = lineBound(report, table.id);
      let count = 0;
      let over: number | null = null;
      for (let i = section.heading.line + 1; i < report.lines.length && report.lines[i].start < section.span.end; i++) {
        if (!tableLike(report.lines[i].text)) continue;
        count++;
        if (count === bound + 1) over = i;
      }
      if (over === null) continue;
      const line = report.lines[over];
      const first = report.lines[table.firstLine];
      ctx.report({
        span: { start: line.start, end: line.end },
        message: { key: 'table-oversized', args: { table: tableName(report, table.id), count, limit: bound } },
        related: first ? [{ span: { start: first.start, end: first.end }, message: { key: 'related.tableStart' } }] : [],
        target: { row: table.id },
      });
    }
  },
};
