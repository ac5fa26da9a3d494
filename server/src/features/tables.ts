/**
 * `xxgk/tables` (issue 5): the report's tables as grids for the client's table preview, from the cached
 * check of the current version (engine/grid.ts), with every span turned into a range of that version.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { tableGrids, type Span } from '../engine';
import type { PreviewTable, TablesAnswer, TablesParams, TextRange } from '../protocol';
import type { DocumentChecker } from './checker';
import type { CheckedDocument } from './document-cache';
import { rangeOfSpan } from './diagnostics';

function previewTables(document: TextDocument, grids: ReturnType<typeof tableGrids>): PreviewTable[] {
  const range = (span: Span | null): TextRange | null => (span ? rangeOfSpan(document, span) : null);
  return grids.map((t) => ({
    id: t.id,
    name: t.name,
    version: t.version,
    columns: t.columns,
    rows: t.rows.map((r) => ({
      id: r.id,
      label: r.label,
      labelRange: range(r.labelSpan),
      cells: r.cells.map((c) => ({ text: c.text, range: range(c.span), mark: c.mark, expected: c.expected, kind: c.kind })),
    })),
  }));
}

export class TablesFeature {
  /** Grids per checked version: a preview asking again for the same version costs nothing. */
  private readonly grids = new WeakMap<CheckedDocument, readonly PreviewTable[]>();

  constructor(private readonly checker: DocumentChecker) {}

  async tables(params: TablesParams, token: CancellationToken): Promise<TablesAnswer | null> {
    const found = await this.checker.checkedDocument(params.uri, token);
    if (!found) return null;
    const { document, checked } = found;
    let tables = this.grids.get(checked);
    if (!tables) {
      tables = previewTables(document, tableGrids(checked.report));
      this.grids.set(checked, tables);
    }
    return { uri: document.uri, documentVersion: checked.version, tables };
  }
}
