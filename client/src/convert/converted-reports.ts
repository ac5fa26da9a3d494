/**
 * 「作为年报检查」 (commands.ts) on a PDF, Word (.docx) or web page (.html) file: the language server converts it, and the text
 * opens as a read-only `xxgk-converted:` document in the report language, so diagnostics, Outline, hover and
 * the table preview work as for any report. A language status item names the source file and its pages and
 * offers 「另存为 .txt」 to continue in an editable copy. Messages appear only in answer to the command.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CONVERT_METHOD,
  CONVERTED_SCHEME,
  LANGUAGE_ID,
  SAVE_CONVERTED_COMMAND,
  type ConvertParams,
  type ConvertResult,
} from '../../../server/src/protocol';

interface Held {
  readonly text: string;
  readonly source: vscode.Uri;
  readonly format: string;
  readonly pages?: number;
}

const PUBLISHED = /\.(pdf|docx|html?)$/i;

/**
 * Internal (not in the palette): the 「年报」 view opens a published file's converted view at its first finding
 * (arguments: the file's URI, the view's URI the workspace check published the findings on).
 */
export const OPEN_CONVERTED_COMMAND = 'xxgk.openConvertedReport';

const { Error: ERROR, Warning: WARNING, Information: INFORMATION, Hint: HINT } = vscode.DiagnosticSeverity;
const SEVERITY_ORDER = [ERROR, WARNING, INFORMATION, HINT];

export class ConvertedReports implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly held = new Map<string, Held>();
  private readonly status = vscode.languages.createLanguageStatusItem('xxgk.converted', { language: LANGUAGE_ID, scheme: CONVERTED_SCHEME });
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly client: LanguageClient) {
    this.status.name = vscode.l10n.t('Converted report');
    this.status.command = { command: SAVE_CONVERTED_COMMAND, title: vscode.l10n.t('Save as .txt') };
    this.disposables = [
      this.status,
      vscode.workspace.registerTextDocumentContentProvider(CONVERTED_SCHEME, this),
      vscode.commands.registerCommand(SAVE_CONVERTED_COMMAND, (uri?: vscode.Uri) => this.saveAsText(uri)),
      vscode.commands.registerCommand(OPEN_CONVERTED_COMMAND, (file: vscode.Uri, view: vscode.Uri) => this.openAtFinding(file, view)),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
    ];
  }

  /**
   * A view not converted in this window yet (a finding of the workspace check clicked in Problems): the server
   * answers from its conversion cache, so nothing is converted twice.
   */
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const held = this.held.get(uri.toString());
    if (held) return held.text;
    let source: vscode.Uri;
    try {
      source = vscode.Uri.parse(uri.query, true);
    } catch {
      return '';
    }
    if (source.scheme !== 'file') return '';
    const params: ConvertParams = { uri: source.toString(), locale: vscode.env.language };
    const result = await this.client.sendRequest<ConvertResult | null>(CONVERT_METHOD, params);
    if (!result || result.kind === 'failed') return '';
    const pages = result.pages !== undefined ? { pages: result.pages } : {};
    this.held.set(uri.toString(), { text: result.text, source, format: result.format, ...pages });
    return result.text;
  }

  /** Open a published file's converted view with the cursor on its most severe finding (pushed by the workspace check). */
  private async openAtFinding(file: vscode.Uri, view: vscode.Uri): Promise<void> {
    const first = [...vscode.languages.getDiagnostics(view)].sort((a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.range.start.compareTo(b.range.start))[0];
    const editor = await this.checkAsReport(file);
    if (editor && first) {
      editor.selection = new vscode.Selection(first.range.start, first.range.end);
      editor.revealRange(first.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  /** The published file (PDF, DOCX, HTML) the command is about: the one given, else the active tab's or editor's; none: undefined. */
  publishedTarget(given: vscode.Uri | undefined): vscode.Uri | undefined {
    // A PDF or Word file open in its own (binary or custom) editor is the active tab, not a text editor.
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const tabUri = tab instanceof vscode.TabInputText || tab instanceof vscode.TabInputCustom ? tab.uri : undefined;
    const candidates = given ? [given] : [tabUri, vscode.window.activeTextEditor?.document.uri];
    return candidates.find((c) => c !== undefined && c.scheme === 'file' && PUBLISHED.test(c.path));
  }

  private async pick(uri: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    const target = this.publishedTarget(uri);
    if (target) return target;
    if (uri instanceof vscode.Uri) return uri;
    const chosen = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { [vscode.l10n.t('Published reports')]: ['pdf', 'docx', 'html', 'htm'] },
    });
    return chosen?.[0];
  }

  async checkAsReport(given?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
    const source = await this.pick(given);
    if (!source) return undefined;
    const params: ConvertParams = { uri: source.toString(), locale: vscode.env.language };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Converting {0}…', source.path.split('/').pop() ?? '') },
      () => this.client.sendRequest<ConvertResult | null>(CONVERT_METHOD, params),
    );
    if (!result || result.kind === 'failed') {
      void vscode.window.showWarningMessage(result?.message ?? vscode.l10n.t('The file could not be converted.'));
      return undefined;
    }
    const uri = vscode.Uri.from({ scheme: CONVERTED_SCHEME, path: `${source.path}.txt`, query: source.toString() });
    this.held.set(uri.toString(), {
      text: result.text, source, format: result.format, ...(result.pages !== undefined ? { pages: result.pages } : {}),
    });
    const document = await vscode.workspace.openTextDocument(uri);
    const report = document.languageId === LANGUAGE_ID ? document : await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    const editor = await vscode.window.showTextDocument(report, { preview: false });
    this.updateStatus();
    return editor;
  }

  private updateStatus(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const held = uri ? this.held.get(uri.toString()) : undefined;
    if (!held) return;
    const name = held.source.path.split('/').pop() ?? '';
    this.status.text = held.pages !== undefined
      ? vscode.l10n.t('Converted from {0} ({1} pages)', name, held.pages)
      : vscode.l10n.t('Converted from {0}', name);
    this.status.detail = vscode.l10n.t('read-only; save as .txt to edit');
  }

  private async saveAsText(given?: vscode.Uri): Promise<void> {
    const uri = given instanceof vscode.Uri ? given : vscode.window.activeTextEditor?.document.uri;
    const held = uri ? this.held.get(uri.toString()) : undefined;
    if (!held) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a converted report first.'));
      return;
    }
    const target = await vscode.window.showSaveDialog({
      defaultUri: held.source.with({ path: held.source.path.replace(/\.[^./]+$/, '') + '.txt' }),
      filters: { Text: ['txt'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(held.text));
    const document = await vscode.workspace.openTextDocument(target);
    if (document.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    await vscode.window.showTextDocument(document);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.held.clear();
  }
}
