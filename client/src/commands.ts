/**
 * The extension's commands: 「作为年报检查」 (`xxgk.checkAsReport`) checks what is in front of the user as an
 * annual report — a published file (PDF, Word .docx, web page .html) is converted and its text opened as a
 * read-only report (convert/converted-reports.ts); any other document is switched to the report language. Its
 * former id for text, `xxgk.switchToReport`, stays as an alias (keybindings may name it), hidden from the palette.
 * `xxgk.openRuleDocs` (from the "open docs" quick fix) opens a rule's bundled page. Messages appear only here,
 * in answer to a command the user ran.
 */
import * as vscode from 'vscode';
import { CHECK_AS_REPORT_COMMAND, LANGUAGE_ID, OPEN_RULE_DOCS_COMMAND, SWITCH_TO_REPORT_COMMAND } from '../../server/src/protocol';
import type { ConvertedReports } from './convert/converted-reports';

async function switchToReport(document: vscode.TextDocument): Promise<void> {
  if (document.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}

/** The one 「作为年报检查」: convert a published file, switch a text document; with nothing open, ask for a file. */
async function checkAsReport(converted: ConvertedReports, target: unknown): Promise<void> {
  const given = target instanceof vscode.Uri ? target : undefined;
  const published = converted.publishedTarget(given);
  if (published) {
    await converted.checkAsReport(published);
    return;
  }
  const document = given ? await vscode.workspace.openTextDocument(given) : vscode.window.activeTextEditor?.document;
  if (document) {
    await switchToReport(document);
    return;
  }
  // Nothing open: a published file chosen in a dialog (a text file is opened by the user, then switched).
  await converted.checkAsReport(undefined);
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

export function registerCommands(converted: ConvertedReports): vscode.Disposable[] {
  const check = (target?: unknown) => checkAsReport(converted, target);
  return [
    vscode.commands.registerCommand(CHECK_AS_REPORT_COMMAND, check),
    vscode.commands.registerCommand(SWITCH_TO_REPORT_COMMAND, check),
    vscode.commands.registerCommand(OPEN_RULE_DOCS_COMMAND, openRuleDocs),
  ];
}
