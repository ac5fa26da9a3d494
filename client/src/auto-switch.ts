/**
 * Plain text that reads as an annual report becomes `xxgk-report`: a `.txt` file whose path matches
 * `xxgk.files`, or a plaintext file or untitled document whose opening lines read as a report (an untitled one is
 * looked at again as it is typed or pasted into). A document is switched at most once: after a user switches
 * it back to plain text it stays so.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../../server/src/protocol';
import { OPENING_CHARS, readsAsAnnualReport } from '../../server/src/files/identify';

const SCHEMES = new Set(['file', 'untitled']);

function matchesFileGlobs(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file') return false;
  const globs = vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get<string[]>('files') ?? [];
  return globs.some((pattern) => vscode.languages.match({ scheme: 'file', pattern }, document) > 0);
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
    const isReport = matchesFileGlobs(document) || readsAsAnnualReport(opening(document));
    // Untitled text keeps being looked at until it reads as a report; a file is looked at once.
    if (isReport || !document.isUntitled) this.decided.add(key);
    if (isReport) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
