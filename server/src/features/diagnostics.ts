/**
 * Pull diagnostics: `textDocument/diagnostic` answers the cached findings of the current version,
 * `resultId` = that version; an unchanged answer when the client already holds this very result.
 */
import { DocumentDiagnosticReportKind, type DocumentDiagnosticParams, type DocumentDiagnosticReport, type CancellationToken } from 'vscode-languageserver/node';
import type { DocumentChecker } from './checker';
import type { CheckedDocument } from './document-cache';
import { toDiagnostic } from './to-lsp';

export class DiagnosticsFeature {
  /** Results already sent: only these may be answered as unchanged. */
  private readonly delivered = new WeakSet<CheckedDocument>();

  constructor(private readonly checker: DocumentChecker, private readonly docsHref: (code: string) => string) {}

  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const found = await this.checker.checkedDocument(params.textDocument.uri, token);
    if (!found) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const { document, checked } = found;
    const resultId = String(checked.version);
    if (params.previousResultId === resultId && this.delivered.has(checked)) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    }
    this.delivered.add(checked);
    const items = checked.findings.map((f) => toDiagnostic(document, f, this.docsHref));
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }
}
