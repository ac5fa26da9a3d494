/** Which body a report is of, read from its title: how last year's report of the same body is found. */
import type { Report } from '../model';
import { labelKey } from '../text/normalize';

/** The body named in the title (or on the line above it), as a key; '' when none. */
export function bodyKey(report: Pick<Report, 'folded' | 'lines' | 'title' | 'year'>): string {
  const { title, year } = report;
  if (!title) return '';
  let body = year && year.span.start >= title.span.start && year.span.end <= title.span.end
    ? report.folded.slice(title.span.start, year.span.start) : '';
  if (labelKey(body) === '') {
    const line = report.lines.findIndex((l) => l.start <= title.span.start && title.span.start <= l.end);
    for (let i = line - 1; i >= 0; i--) {
      const t = report.lines[i].text.trim();
      if (t === '') continue;
      if (t.length <= 30 && !/报告/.test(t)) body = t;
      break;
    }
  }
  return labelKey(body);
}
