/**
 * `xxgk/compare`: a report against last year's, for the comparison view. This year's text is the open
 * document's (or the file's); last year's is the file the user chose, or the one the carry-over check
 * finds (same body, the year before, in the same folder).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decode } from '../files/read';
import { compareReports, parseReport } from '../engine';
import type { ConfigResolver } from '../config/resolve';
import type { CompareParams, CompareResult } from '../protocol';
import type { PreviousReports } from './previous-reports';

export class CompareFeature {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly previous: PreviousReports,
    private readonly resolver: ConfigResolver,
  ) {}

  private textOf(uri: string): string | undefined {
    const open = this.documents.get(uri);
    if (open) return open.getText();
    if (!uri.startsWith('file:')) return undefined;
    try {
      const d = decode(readFileSync(fileURLToPath(uri)));
      return d.kind === 'text' ? d.text : undefined;
    } catch {
      return undefined;
    }
  }

  async compare(params: CompareParams): Promise<CompareResult> {
    const text = this.textOf(params.uri);
    if (text === undefined) return null;
    const current = parseReport(text);
    let previousUri = params.previousUri;
    let previousText = previousUri !== undefined ? this.textOf(previousUri) : undefined;
    if (previousUri === undefined) {
      const found = this.previous.find(params.uri, current);
      previousUri = found?.previous.uri;
      previousText = found?.previous.text;
    }
    if (previousUri === undefined || previousText === undefined) return null;
    // The request's threshold when valid, else the setting (xxgk.compareThreshold or .xxgkrc.json).
    const threshold = typeof params.threshold === 'number' && Number.isFinite(params.threshold) && params.threshold >= 0
      ? params.threshold
      : (await this.resolver.resolve(params.uri)).config.compareThreshold;
    return { uri: params.uri, previousUri, comparison: compareReports(parseReport(previousText), current, { threshold }) };
  }
}
