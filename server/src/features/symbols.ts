/**
 * The outline: title → the six sections → sub-headings and tables → row groups → rows, read from
 * the cached report. `range` covers the whole part, `selectionRange` only its heading or label.
 */
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver/node';
import { outlineOf } from '../engine';
import type { DocumentChecker } from './checker';
import { toSymbol } from './to-lsp';

export class SymbolsFeature {
  constructor(private readonly checker: DocumentChecker) {}

  async symbols(params: DocumentSymbolParams, token: CancellationToken): Promise<DocumentSymbol[]> {
    const found = await this.checker.checkedDocument(params.textDocument.uri, token);
    if (!found) return [];
    return outlineOf(found.checked.report).map((n) => toSymbol(found.document, n));
  }
}
