/**
 * The extension's commands: `xxgk.switchToReport` turns any document into an annual report by hand;
 * `xxgk.openRuleDocs` (from the "open docs" quick fix) opens a rule's bundled page. Messages appear only here,
 * in answer to a command the user ran.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, OPEN_RULE_DOCS_COMMAND, SWITCH_TO_REPORT_COMMAND } from '../../server/src/protocol';

async function switchToReport(uri?: vscode.Uri): Promise<void> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a document first, then switch it to an annual report.'));
    return;
  }
  if (document.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}

async function openRuleDocs(href: unknown): Promise<void> {
  if (typeof href !== 'string') return;
  const uri = vscode.Uri.parse(href);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.commands.executeCommand('vscode.open', uri);
  }
}

export function registerCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SWITCH_TO_REPORT_COMMAND, switchToReport),
    vscode.commands.registerCommand(OPEN_RULE_DOCS_COMMAND, openRuleDocs),
  ];
}
