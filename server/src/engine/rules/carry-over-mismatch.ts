/**
 * carry-over-mismatch (docs/format.md, "Carry-over"): this year's 上年结转 (R2) against last year's 结转下年度继续办理 (R4) of the
 * same body, column by column. Last year's report comes in the rule context, like any other input; the
 * related locations are in that other file.
 */
import type { Report } from '../model';
import { bodyKey } from '../query/body';
import { columnTitle, shortLabel } from '../query/labels';
import { usableCell } from '../query/cells';
import type { FindingDraft, OtherReport, Rule } from './types';

function fileLabel(uri: string, label?: string): string {
  return label ?? decodeURIComponent(uri.replace(/[?#].*$/, '').split(/[\\/]/).pop() || uri);
}

/**
 * Drafts for every column where this year's R2 differs from last year's R4. None when the other
 * report is not the year before, is of another body (when both name one), or a row is unreadable.
 */
export function checkCarryOver(current: Report, previous: Report, file: { readonly uri: string; readonly label?: string }): FindingDraft[] {
  if (!current.year || !previous.year || previous.year.value !== current.year.value - 1) return [];
  const a = bodyKey(current);
  const b = bodyKey(previous);
  if (a && b && a !== b) return [];
  const other: OtherReport = { report: previous, uri: file.uri, label: file.label };
  const out: FindingDraft[] = [];
  for (const column of current.template.applications.columns) {
    const now = usableCell(current.tables.applications, 'R2', column.id);
    const before = usableCell(previous.tables.applications, 'R4', column.id);
    if (!now || !before) continue;
    const actual = now.cell.value ?? 0;
    const expected = before.cell.value ?? 0;
    if (actual === expected) continue;
    out.push({
      span: now.cell.span,
      message: {
        key: 'carry-over-mismatch',
        args: { column: columnTitle(now.column), actual, expected, year: previous.year.value, file: fileLabel(file.uri, file.label) },
      },
      related: [{
        in: other,
        span: before.cell.span,
        message: {
          key: 'related.previous',
          args: { year: previous.year.value, row: shortLabel(before.row.label), column: columnTitle(before.column), value: expected },
        },
      }],
      target: { row: 'R2', column: column.id },
    });
  }
  return out;
}

export const carryOverMismatch: Rule = {
  code: 'carry-over-mismatch', aliases: [], defaultSeverity: 'info', tags: ['table', 'cross-report'], fix: 'none',
  run(report, ctx) {
    // Read the content first: the previous report is parsed only when it is needed.
    if (report.content !== 'text' || !ctx.previous) return;
    for (const d of checkCarryOver(report, ctx.previous.report, ctx.previous)) ctx.report(d);
  },
};
