/** `xxgk/reportInfo` (issue 4): what the client's language status item shows, from the cached check. */
import type { CancellationToken } from 'vscode-languageserver/node';
import type { ReportInfo, ReportInfoParams } from '../protocol';
import type { DocumentChecker } from './checker';

export class ReportInfoFeature {
  constructor(private readonly checker: DocumentChecker) {}

  async info(params: ReportInfoParams, token: CancellationToken): Promise<ReportInfo | null> {
    const found = await this.checker.checkedDocument(params.uri, token);
    if (!found) return null;
    const { report, findings, version, configFile } = found.checked;
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of findings) counts[f.severity]++;
    return {
      documentVersion: version,
      formatVersion: { used: report.version.used, observed: report.version.observed, expected: report.version.expected },
      year: report.year?.value ?? null,
      title: report.title?.text ?? null,
      counts,
      configFile,
    };
  }
}
