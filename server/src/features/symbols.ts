/**
 * The outline (issue 4): title → the six sections → sub-headings and tables → row groups → rows, read from
 * the cached report. `range` covers the whole part, `selectionRange` only its heading or label.
 */
import { SymbolKind, type CancellationToken, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { outlineOf, type OutlineKind, type OutlineNode } from '../engine';
import type { DocumentChecker } from './checker';
import { rangeOfSpan } from './diagnostics';

const KIND: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  subHeading: SymbolKind.String,
  table: SymbolKind.Struct,
  group: SymbolKind.Namespace,
  row: SymbolKind.Field,
};

function toSymbol(document: TextDocument, node: OutlineNode): DocumentSymbol {
  return {
    name: node.name.trim() || '—',
    detail: node.detail,
    kind: KIND[node.kind],
    range: rangeOfSpan(document, node.span),
    selectionRange: rangeOfSpan(document, node.selectionSpan),
    children: node.children.map((c) => toSymbol(document, c)),
  };
}

export class SymbolsFeature {
  constructor(private readonly checker: DocumentChecker) {}

  async symbols(params: DocumentSymbolParams, token: CancellationToken): Promise<DocumentSymbol[]> {
    const found = await this.checker.checkedDocument(params.textDocument.uri, token);
    if (!found) return [];
    return outlineOf(found.checked.report).map((n) => toSymbol(found.document, n));
  }
}
