/**
 * Inlay hints: where a table is written one cell per line, or a number stands apart from its row
 * label, the column name (and the row, when the label is on another line) before each number, so that a
 * vertical table reads without counting lines. The engine finds those numbers (`detachedCells`); off when
 * the setting `xxgk.inlayHints` (or `.xxgkrc.json`'s `inlayHints`) is false.
 */
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver/node';
import { detachedCells } from '../engine';
import type { DocumentChecker } from './checker';
import { toInlayHint } from './to-lsp';

/** The hint's text: `自然人：`, or `（一）予以公开 · 自然人：` when the row label is on another line. */
export function hintLabel(cell: { column: string; row: string | null }): string {
  return `${cell.row === null ? cell.column : `${cell.row} · ${cell.column}`}：`;
}

export class InlayHintsFeature {
  constructor(private readonly checker: DocumentChecker) {}

  async hints(params: InlayHintParams, token: CancellationToken): Promise<InlayHint[]> {
    const found = await this.checker.checkedDocument(params.textDocument.uri, token);
    if (!found || !found.resolved.config.inlayHints) return [];
    const { document, checked } = found;
    const from = document.offsetAt(params.range.start);
    const to = document.offsetAt(params.range.end);
    return detachedCells(checked.report)
      .filter((c) => c.offset >= from && c.offset <= to)
      .map((c) => toInlayHint(document, c.offset, hintLabel(c)));
  }
}
