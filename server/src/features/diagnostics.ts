/**
 * Pull diagnostics: `textDocument/diagnostic` answers the cached findings of the current version,
 * `resultId` = that version; an unchanged answer when the client already holds this very result.
 */
import { DocumentDiagnosticReportKind, type DocumentDiagnosticParams, type DocumentDiagnosticReport, type CancellationToken } from 'vscode-languageserver/node';
import type { DocumentChecker } from './checker';
import type { CheckedDocument } from './document-cache';
import { toDiagnostic } from './to-lsp';
import type { Range } from '../engine';
import { format, type Locale } from '../messages';

/** The page of a place in a converted view (undefined elsewhere): its findings name it, as the CLI prints it. */
export type PageOf = (uri: string, range: Range) => number | undefined;

export class DiagnosticsFeature {
  /** Results already sent: only these may be answered as unchanged. */
  private readonly delivered = new WeakSet<CheckedDocument>();

  constructor(
    private readonly checker: DocumentChecker,
    private readonly docsHref: (code: string) => string,
    private readonly pageOf: PageOf = () => undefined,
    private readonly locale: Locale = 'zh-CN',
  ) {}

  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const found = await this.checker.checkedDocument(params.textDocument.uri, token);
    if (!found) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const { document, checked } = found;
    const resultId = String(checked.version);
    if (params.previousResultId === resultId && this.delivered.has(checked)) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    }
    this.delivered.add(checked);
    const items = checked.findings.map((f) => {
      const d = toDiagnostic(document, f, this.docsHref);
      const page = this.pageOf(document.uri, f.range);
      return page === undefined ? d : { ...d, message: d.message + format({ key: 'converted.page', args: { page } }, this.locale) };
    });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }
}
