/**
 * 「与上一年度报告对比」: the active report against last year's (found by the server as the carry-over check
 * finds it; when none is found, or when run as "choose…", the user picks the file). The comparison opens
 * in a webview beside the editor; clicking a cell selects it in either report.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMPARE_STRINGS } from '../../../server/src/render/compare-strings';
import { COMPARE_COMMAND, COMPARE_METHOD, LANGUAGE_ID, type CompareParams, type CompareResult } from '../../../server/src/protocol';
import { comparePage, parseCompareMessage } from './page';

export const COMPARE_VIEW_TYPE = 'xxgk.compare';
export const COMPARE_CHOOSE_COMMAND = 'xxgk.compareWithChosen';

/** The report a command was run on: an Explorer resource, an entry of the 「年报」 view, or none (the active editor). */
function targetUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'object' && target !== null && typeof (target as { uri?: unknown }).uri === 'string') return vscode.Uri.parse((target as { uri: string }).uri);
  return undefined;
}

export class ComparePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uris: { previous: string; current: string } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      vscode.commands.registerCommand(COMPARE_COMMAND, (target?: unknown) => this.compare(targetUri(target), false)),
      vscode.commands.registerCommand(COMPARE_CHOOSE_COMMAND, (target?: unknown) => this.compare(targetUri(target), true)),
    );
  }

  private async compare(target: vscode.Uri | undefined, choose: boolean): Promise<void> {
    const document = target ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report to compare it with the report of the year before.'));
      return;
    }
    let previousUri: string | undefined;
    if (choose) {
      previousUri = await this.pick(document.uri);
      if (!previousUri) return;
    }
    // The threshold is the server's: xxgk.compareThreshold or the nearest .xxgkrc.json.
    const params: CompareParams = { uri: document.uri.toString(), previousUri };
    let result = await this.client.sendRequest<CompareResult>(COMPARE_METHOD, params);
    if (!result && !choose) {
      const pick = vscode.l10n.t('Choose the file…');
      const answer = await vscode.window.showInformationMessage(vscode.l10n.t('The report of the same body for the year before was not found in this folder.'), pick);
      if (answer !== pick) return;
      previousUri = await this.pick(document.uri);
      if (!previousUri) return;
      result = await this.client.sendRequest<CompareResult>(COMPARE_METHOD, { ...params, previousUri });
    }
    if (!result) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The reports could not be read.'));
      return;
    }
    this.show(result);
  }

  private async pick(near: vscode.Uri): Promise<string | undefined> {
    const files = await vscode.window.showOpenDialog({
      canSelectMany: false, defaultUri: vscode.Uri.joinPath(near, '..'), openLabel: vscode.l10n.t('Compare with this report'),
      filters: { [vscode.l10n.t('Text')]: ['txt'] },
    });
    return files?.[0]?.toString();
  }

  private show(result: NonNullable<CompareResult>): void {
    const strings = COMPARE_STRINGS[vscode.env.language.startsWith('en') ? 'en' : 'zh-CN'];
    const name = (u: string) => decodeURIComponent(basename(vscode.Uri.parse(u).path));
    const files = { previous: name(result.previousUri), current: name(result.uri) };
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        COMPARE_VIEW_TYPE, strings.title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [] },
      );
      const panel = this.panel;
      const subs = [
        panel.webview.onDidReceiveMessage((raw: unknown) => {
          const m = parseCompareMessage(raw);
          if (m && this.uris) void this.reveal(m.side === 'previous' ? this.uris.previous : this.uris.current, m.range);
        }),
        panel.onDidDispose(() => {
          this.panel = undefined;
          for (const s of subs) s.dispose();
        }),
      ];
    }
    this.uris = { previous: result.previousUri, current: result.uri };
    this.panel.title = `${strings.title}: ${files.current}`;
    this.panel.webview.html = comparePage({ comparison: result.comparison, files, strings, nonce: randomBytes(16).toString('base64'), lang: vscode.env.language });
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  /** Selects a range of either report, in its visible editor or a new one in the first column. */
  private async reveal(
    uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } },
  ): Promise<void> {
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
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
