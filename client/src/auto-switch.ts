/**
 * Plain text that reads as an annual report becomes `xxgk-report`: a `.txt` file whose path matches
 * `xxgk.files`, or a plaintext file or untitled document whose opening lines read as a report (an untitled one is
 * looked at again as it is typed or pasted into), unless `xxgk.detectByContent` is off. A document is switched
 * at most once: after a user switches it back to plain text it stays so.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../../server/src/protocol';
import { OPENING_CHARS, pathMatchesFiles, readsAsReportDocument } from '../../server/src/files/identify';

const SCHEMES = new Set(['file', 'untitled']);

function matchesFileGlobs(document: vscode.TextDocument, settings: vscode.WorkspaceConfiguration): boolean {
  if (document.uri.scheme !== 'file') return false;
  const globs = settings.get<string[]>('files') ?? [];
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const absolute = document.uri.fsPath.replace(/\\/g, '/');
  const relative = folder ? vscode.workspace.asRelativePath(document.uri, false) : undefined;
  return pathMatchesFiles({ absolute, ...(relative !== undefined ? { relative } : {}) }, globs);
}

function opening(document: vscode.TextDocument): string {
  const end = document.positionAt(OPENING_CHARS);
  return document.getText(new vscode.Range(new vscode.Position(0, 0), end));
}

export class AutoSwitch implements vscode.Disposable {
  /** Documents already decided (switched, or a file that did not read as a report). */
  private readonly decided = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.consider(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.isUntitled && e.contentChanges.length > 0) void this.consider(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.isUntitled) this.decided.delete(d.uri.toString());
      }),
    );
    for (const d of vscode.workspace.textDocuments) void this.consider(d);
  }

  private async consider(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (document.languageId !== 'plaintext' || !SCHEMES.has(document.uri.scheme) || this.decided.has(key)) return;
    const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri);
    const isReport = readsAsReportDocument({
      byName: matchesFileGlobs(document, settings),
      detectByContent: settings.get<boolean>('detectByContent') ?? true,
      opening: () => opening(document),
    });
    // Untitled text keeps being looked at until it reads as a report; a file is looked at once.
    if (isReport || !document.isUntitled) this.decided.add(key);
    if (isReport) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
