/** What the editor's status shows about a checked report: the format version, the year, the title, the counts. */
import type { Finding } from '../check';
import type { Report } from '../model';
import type { Severity } from '../rules/types';

export interface ReportSummary {
  readonly formatVersion: Pick<Report['version'], 'used' | 'observed' | 'expected'>;
  readonly year: number | null;
  readonly title: string | null;
  /** Findings by severity. */
  readonly counts: Readonly<Record<Severity, number>>;
}

export function reportSummary(report: Report, findings: readonly Finding[]): ReportSummary {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    formatVersion: { used: report.version.used, observed: report.version.observed, expected: report.version.expected },
    year: report.year?.value ?? null,
    title: report.title?.text ?? null,
    counts,
  };
}
