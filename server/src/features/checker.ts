/**
 * The one way features get a checked document: the current version from the document manager,
 * its configuration, then the cache. The cancellation token is honoured before parsing (after yielding
 * once, so that a queued cancellation or change can arrive) and between rules.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigResolver, ResolvedConfig } from '../config/resolve';
import type { Locale } from '../messages';
import type { CheckedDocument, DocumentCache } from './document-cache';
import type { PreviousReports } from './previous-reports';
import { checkSettingsOf } from './settings';

export interface Checked {
  readonly document: TextDocument;
  readonly checked: CheckedDocument;
  /** The configuration the document was checked with (editor-side keys such as `inlayHints` included). */
  readonly resolved: ResolvedConfig;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

export class DocumentChecker {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly resolver: ConfigResolver,
    private readonly cache: DocumentCache,
    private readonly locale: Locale,
    /** Last year's reports of the same body, for `carry-over-mismatch` (file: documents only). */
    private readonly previous?: PreviousReports,
  ) {}

  /** The open document's current version, checked; undefined when it is not open. Throws RequestCancelled. */
  async checkedDocument(uri: string, token: CancellationToken): Promise<Checked | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const resolved = await this.resolver.resolve(uri);
    await nextTurn();
    if (token.isCancellationRequested) throw cancelledError();
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const previous = this.previous;
    const lookup = previous && document.uri.startsWith('file:') ? (report: Parameters<PreviousReports['find']>[1]) => previous.find(document.uri, report) : undefined;
    const checked = this.cache.checked(document, checkSettingsOf(resolved, this.locale), () => token.isCancellationRequested, lookup);
    if (!checked) throw cancelledError();
    return { document, checked, resolved };
  }
}
