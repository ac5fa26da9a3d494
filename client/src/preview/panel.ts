/**
 * The table preview: `xxgk.showPreview` opens a webview beside the editor drawing the report's
 * tables as grids, from the server's `xxgk/tables` (the cached check). It follows the text as it changes
 * (debounced, each request carrying the version; stale answers are dropped), follows the active report
 * editor, marks the cells of broken identities, and a click on a cell selects that text in the editor.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, SHOW_PREVIEW_COMMAND, TABLES_METHOD, type TablesParams, type TablesResult, type TextRange } from '../../../server/src/protocol';
import { previewPage, tablesHtml, type PreviewStrings } from './html';
import { parseWebviewMessage, type RenderMessage } from './messages';
import { Debouncer, VersionGate } from './updates';

/** How long typing must pause before the preview asks again. */
const TYPING_PAUSE_MS = 300;

export const PREVIEW_VIEW_TYPE = 'xxgk.tablePreview';

function strings(): PreviewStrings {
  return {
    title: vscode.l10n.t('Table preview'),
    empty: vscode.l10n.t('No table of the annual report was found in this document.'),
    waiting: vscode.l10n.t('Reading the tables…'),
    legendTotal: vscode.l10n.t('total that does not add up (with the value it should have)'),
    legendPart: vscode.l10n.t('cell taking part in it'),
    blank: vscode.l10n.t('(blank)'),
    missing: vscode.l10n.t('(missing)'),
    rowHeader: vscode.l10n.t('Row'),
    formatVersion: (version) => vscode.l10n.t('{0} format', version),
    expected: (value) => vscode.l10n.t('should be {0}', value),
    reveal: vscode.l10n.t('Show in the editor'),
  };
}

const isReport = (document: vscode.TextDocument | undefined): document is vscode.TextDocument => document?.languageId === LANGUAGE_ID;

export class TablePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly gate = new VersionGate();
  private readonly typing = new Debouncer(TYPING_PAUSE_MS);
  private lastRender: RenderMessage | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Listeners of the open panel, disposed with it. */
  private panelSubscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      vscode.commands.registerCommand(SHOW_PREVIEW_COMMAND, () => this.show()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document.uri.toString() === this.gate.boundUri && e.contentChanges.length > 0) {
          this.typing.schedule(() => void this.refresh(e.document));
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && isReport(editor?.document) && editor.document.uri.toString() !== this.gate.boundUri) this.bind(editor.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() === this.gate.boundUri) this.typing.cancel();
      }),
    );
  }

  /** The command: the active report's tables, beside it. Answers with a message only when there is no report to show. */
  private show(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!isReport(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report to preview its tables.'));
      return;
    }
    if (this.panel) this.panel.reveal(vscode.ViewColumn.Beside, true);
    else this.panel = this.createPanel();
    this.bind(document);
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      vscode.l10n.t('Table preview'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    panel.webview.html = previewPage({ nonce: randomBytes(16).toString('base64'), lang: vscode.env.language, strings: strings() });
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseWebviewMessage(raw);
        // A page (re)loaded, as when its tab comes back: draw the last answer again.
        if (message?.type === 'ready' && this.lastRender) void panel.webview.postMessage(this.lastRender);
        if (message?.type === 'reveal') void this.reveal(message.range);
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.lastRender = undefined;
        this.typing.cancel();
        for (const s of this.panelSubscriptions) s.dispose();
        this.panelSubscriptions = [];
      }),
    ];
    return panel;
  }

  private bind(document: vscode.TextDocument): void {
    this.gate.bind(document.uri.toString());
    this.typing.cancel();
    if (this.panel) this.panel.title = vscode.l10n.t('Tables: {0}', basename(document.uri.path));
    void this.refresh(document);
  }

  private async refresh(document: vscode.TextDocument): Promise<void> {
    const uri = document.uri.toString();
    if (!this.panel || uri !== this.gate.boundUri || !this.client.isRunning()) return;
    let answer: TablesResult;
    try {
      const params: TablesParams = { uri, version: document.version };
      answer = await this.client.sendRequest<TablesResult>(TABLES_METHOD, params);
    } catch {
      return; // Cancelled or the server is restarting: the next change asks again.
    }
    if (!answer || !this.panel || !this.gate.accept(answer.uri, answer.documentVersion, document.version)) return;
    const s = strings();
    this.lastRender = { type: 'render', title: `${s.title} · ${basename(document.uri.path)}`, html: tablesHtml(answer.tables, s), version: answer.documentVersion };
    void this.panel.webview.postMessage(this.lastRender);
  }

  /** Selects the clicked cell's text in an editor of the previewed document (the visible one, else a new one). */
  private async reveal(range: TextRange): Promise<void> {
    const uri = this.gate.boundUri;
    if (!uri) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    const document = visible?.document ?? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
    });
    const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    editor.selection = new vscode.Selection(target.start, target.end);
    editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.typing.cancel();
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
