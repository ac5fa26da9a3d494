/** `xxgk/reportInfo`: what the client's language status item shows, from the cached check. */
import type { CancellationToken } from 'vscode-languageserver/node';
import { reportSummary } from '../engine';
import type { ReportInfo, ReportInfoParams } from '../protocol';
import type { DocumentChecker } from './checker';

export class ReportInfoFeature {
  constructor(private readonly checker: DocumentChecker) {}

  async info(params: ReportInfoParams, token: CancellationToken): Promise<ReportInfo | null> {
    const found = await this.checker.checkedDocument(params.uri, token);
    if (!found) return null;
    const { report, findings, version, configFile } = found.checked;
    return { documentVersion: version, ...reportSummary(report, findings), configFile };
  }
}
