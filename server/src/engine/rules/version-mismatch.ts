import type { Rule, Severity } from './types';
import type { Report, Span } from '../model';

function markerText(report: Report, span: Span): string {
  return report.text.slice(span.start, span.end).trim();
}

export const versionMismatch: Rule = {
  code: 'version-mismatch', aliases: [], defaultSeverity: 'error', tags: ['version'], fix: 'none',
  run(report, ctx) {
    const { observed, expected, markers } = report.version;
    const year = report.year;
    const related = year ? [{ span: year.span, message: { key: 'related.year' as const, args: { year: year.value } } }] : [];
    if (year && year.value < 2019) {
      ctx.report({ span: year.span, severity: 'info', message: { key: 'version-mismatch.unsupported', args: { year: year.value } } });
      return;
    }
    if (observed === 'mixed') {
      const minor = markers['2019'].length <= markers['2021'].length ? '2019' : '2021';
      const major = minor === '2019' ? '2021' : '2019';
      const span = markers[minor][0];
      ctx.report({ span, severity: 'warning', message: { key: 'version-mismatch.mixed', args: { marker: markerText(report, span), minor, major } }, related });
      return;
    }
    if (!observed || !expected || observed === expected || !year) return;
    const span = markers[observed][0];
    // For 2019 the trial format was only encouraged (docs/format.md, "Format versions"): information, not an error.
    const severity: Severity = year.value === 2019 ? 'info' : observed === '2019' ? 'error' : 'warning';
    ctx.report({
      span, severity,
      message: { key: observed === '2019' ? 'version-mismatch.old' : 'version-mismatch.new', args: { year: year.value, marker: markerText(report, span) } },
      related,
    });
  },
};
