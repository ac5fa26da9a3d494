/**
 * Pull diagnostics (issue 4): `textDocument/diagnostic` answers the cached findings of the current version,
 * `resultId` = that version; an unchanged answer when the client already holds this very result.
 */
import { DiagnosticSeverity, DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticParams, type DocumentDiagnosticReport, type CancellationToken } from 'vscode-languageserver/node';
import type { Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, Span } from '../engine';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol';
import type { DocumentChecker } from './checker';
import type { CheckedDocument } from './document-cache';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A span of the checked text as an LSP range: through the document, never by hand. */
export function rangeOfSpan(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toDiagnostic(document: TextDocument, finding: Finding, docsHref: (code: string) => string): Diagnostic {
  const data: DiagnosticData = { version: document.version };
  return {
    range: rangeOfSpan(document, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: docsHref(finding.code) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    // A related entry with a `uri` is in another file (last year's report): its range is already in that file's positions.
    relatedInformation: finding.related.map((r) => ({
      location: r.uri !== undefined ? { uri: r.uri, range: r.range } : { uri: document.uri, range: rangeOfSpan(document, r.span) },
      message: r.message,
    })),
    data,
  };
}

export class DiagnosticsFeature {
  /** Results already sent: only these may be answered as unchanged. */
  private readonly delivered = new WeakSet<CheckedDocument>();

  constructor(private readonly checker: DocumentChecker, private readonly docsHref: (code: string) => string) {}

  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const found = await this.checker.checkedDocument(params.textDocument.uri, token);
    if (!found) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const { document, checked } = found;
    const resultId = String(checked.version);
    if (params.previousResultId === resultId && this.delivered.has(checked)) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    this.delivered.add(checked);
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: checked.findings.map((f) => toDiagnostic(document, f, this.docsHref)) };
  }
}
