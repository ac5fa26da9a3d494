/**
 * Every conversion from the engine's answers to LSP and protocol types, in one place: ranges (always through
 * the document's `positionAt`, never by hand), severities, diagnostics, symbol kinds, folding ranges, edits,
 * inlay hints and the preview's grids. Features import the checker and this module, never one another.
 */
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity, FoldingRangeKind, InlayHintKind, SymbolKind, TextDocumentEdit,
  type CreateFile, type Diagnostic, type DocumentSymbol, type FoldingRange, type InlayHint, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument, type Range } from 'vscode-languageserver-textdocument';
import type { IgnoreInsertion } from '../config/ignore-entry';
import type { Finding, GridTable, OutlineKind, OutlineNode, Severity, Span } from '../engine';
import { DIAGNOSTIC_SOURCE, type DiagnosticData, type PreviewTable, type TextRange } from '../protocol';
import { format, type Locale, type MessageKey } from '../messages';

/** A span of the checked text as an LSP range: through the document, never by hand. */
export function rangeOfSpan(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

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

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  subHeading: SymbolKind.String,
  table: SymbolKind.Struct,
  group: SymbolKind.Namespace,
  row: SymbolKind.Field,
};

export function toSymbol(document: TextDocument, node: OutlineNode): DocumentSymbol {
  return {
    name: node.name.trim() || '—',
    detail: node.detail,
    kind: SYMBOL_KIND[node.kind],
    range: rangeOfSpan(document, node.span),
    selectionRange: rangeOfSpan(document, node.selectionSpan),
    children: node.children.map((c) => toSymbol(document, c)),
  };
}

/** A part folds from its first line to its last, its first line staying visible; null for a one-line part. */
export function toFoldingRange(document: TextDocument, span: Span): FoldingRange | null {
  const startLine = document.positionAt(span.start).line;
  const endLine = document.positionAt(span.end).line;
  return endLine > startLine ? { startLine, endLine, kind: FoldingRangeKind.Region } : null;
}

export function toTextEdits(document: TextDocument, edits: readonly { readonly span: Span; readonly newText: string }[]): TextEdit[] {
  return edits.map((e) => ({ range: rangeOfSpan(document, e.span), newText: e.newText }));
}

/** Edits stamped with the document's version: a client holding another version rejects them. */
export function versionedEdit(document: TextDocument, edits: readonly TextEdit[]): WorkspaceEdit {
  return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, [...edits])] };
}

/** What the client can apply to a file other than the document: `documentChanges`, and creating a file. */
export interface EditCapabilities {
  readonly canVersionDocuments: boolean;
  readonly canCreateFiles: boolean;
}

/** The WorkspaceEdit writing an ignore entry into a config file, or null when the client cannot apply it. */
export function toIgnoreEdit(insertion: IgnoreInsertion, caps: EditCapabilities): WorkspaceEdit | null {
  const uri = pathToFileURL(insertion.path).href;
  if (insertion.kind === 'create') {
    if (!caps.canVersionDocuments || !caps.canCreateFiles) return null;
    const start = { line: 0, character: 0 };
    const create: CreateFile = { kind: 'create', uri, options: { ignoreIfExists: true } };
    const fill: TextDocumentEdit = {
      textDocument: { uri, version: null },
      edits: [{ range: { start, end: start }, newText: insertion.text }],
    };
    return { documentChanges: [create, fill] };
  }
  const position = TextDocument.create(uri, 'json', 0, insertion.fileText).positionAt(insertion.offset);
  const edits = [{ range: { start: position, end: position }, newText: insertion.text }];
  return caps.canVersionDocuments ? { documentChanges: [{ textDocument: { uri, version: null }, edits }] } : { changes: { [uri]: edits } };
}

export function toInlayHint(document: TextDocument, offset: number, label: string): InlayHint {
  return { position: document.positionAt(offset), label, kind: InlayHintKind.Parameter };
}

/** The preview's grids with every span turned into a range of the document's version. */
export function toPreviewTables(document: TextDocument, grids: readonly GridTable[], locale: Locale): PreviewTable[] {
  const range = (span: Span | null): TextRange | null => (span ? rangeOfSpan(document, span) : null);
  return grids.map((t) => ({
    id: t.id,
    name: t.name,
    version: t.version,
    columns: t.columns,
    ...(t.layout ? {
      readAs: format({ key: t.readable ? 'preview.readAs' : 'preview.unreadable', args: { layout: { key: `layout.${t.layout}` as MessageKey } } }, locale),
      readable: t.readable,
    } : {}),
    rows: t.rows.map((r) => ({
      id: r.id,
      label: r.label,
      labelRange: range(r.labelSpan),
      cells: r.cells.map((c) => ({ text: c.text, range: range(c.span), mark: c.mark, expected: c.expected, kind: c.kind })),
    })),
  }));
}
