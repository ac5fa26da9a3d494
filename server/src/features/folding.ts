/**
 * Folding ranges for sections, sub-headings, tables and row groups, from the same outline as the
 * symbols: a part folds from its first line to its last, its first line staying visible.
 */
import type { CancellationToken, FoldingRange, FoldingRangeParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { outlineOf, type OutlineKind, type OutlineNode } from '../engine';
import type { DocumentChecker } from './checker';
import { toFoldingRange } from './to-lsp';

const FOLDS: ReadonlySet<OutlineKind> = new Set<OutlineKind>(['section', 'subHeading', 'table', 'group']);

function collect(document: TextDocument, nodes: readonly OutlineNode[], out: FoldingRange[]): void {
  for (const n of nodes) {
    const range = FOLDS.has(n.kind) ? toFoldingRange(document, n.span) : null;
    if (range) out.push(range);
    collect(document, n.children, out);
  }
}

export class FoldingFeature {
  constructor(private readonly checker: DocumentChecker) {}

  async ranges(params: FoldingRangeParams, token: CancellationToken): Promise<FoldingRange[]> {
    const found = await this.checker.checkedDocument(params.textDocument.uri, token);
    if (!found) return [];
    const out: FoldingRange[] = [];
    collect(found.document, outlineOf(found.checked.report), out);
    // One range per start line (editors use only one): the outermost part, e.g. Table 1 rather than its first block.
    return out
      .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine)
      .filter((f, i, all) => i === 0 || all[i - 1].startLine !== f.startLine);
  }
}
