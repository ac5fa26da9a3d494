/**
 * `xxgk/tables`: the report's tables as grids for the client's table preview, from the cached
 * check of the current version (engine/language-features/table-grid.ts), with every span turned into a range of that version.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import { tableGrids } from '../engine';
import type { PreviewTable, TablesAnswer, TablesParams } from '../protocol';
import type { DocumentChecker } from './checker';
import type { Locale } from '../messages';
import type { CheckedDocument } from './document-cache';
import { toPreviewTables } from './to-lsp';

export class TablesFeature {
  /** Grids per checked version: a preview asking again for the same version costs nothing. */
  private readonly grids = new WeakMap<CheckedDocument, readonly PreviewTable[]>();

  constructor(private readonly checker: DocumentChecker, private readonly locale: Locale = 'zh-CN') {}

  async tables(params: TablesParams, token: CancellationToken): Promise<TablesAnswer | null> {
    const found = await this.checker.checkedDocument(params.uri, token);
    if (!found) return null;
    const { document, checked } = found;
    let tables = this.grids.get(checked);
    if (!tables) {
      tables = toPreviewTables(document, tableGrids(checked.report), this.locale);
      this.grids.set(checked, tables);
    }
    return { uri: document.uri, documentVersion: checked.version, tables };
  }
}
