/**
 * The commands behind the walkthrough's steps that VS Code has no command for: open the bundled sample report,
 * apply every safe fix of the report in view, and turn on fix-on-save for reports. Each answers a command the
 * user ran, so each may say what it did (or why it could not).
 */
import * as vscode from 'vscode';
import { FIX_ALL_KIND, LANGUAGE_ID } from '../../server/src/protocol';
import { withFixAllOnSave } from './fix-on-save';

/** The sample shipped in the .vsix (and the npm package): a real report with a blank cell and broken totals. */
export const SAMPLE_REPORT = 'samples/004_fcebe1c6f102ee17.txt';

export const OPEN_SAMPLE_COMMAND = 'xxgk.openSample';
export const FIX_ALL_COMMAND = 'xxgk.fixAll';
export const ENABLE_FIX_ON_SAVE_COMMAND = 'xxgk.enableFixOnSave';

/** Opens the sample as an untitled report, so that trying fixes on it never writes into the extension's folder. */
async function openSample(extensionUri: vscode.Uri): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, SAMPLE_REPORT));
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: new TextDecoder('utf-8').decode(bytes) });
  await vscode.window.showTextDocument(document, { preview: false });
}

/** The report the user is looking at: the active editor, else a visible one (the walkthrough has the focus). */
function reportInView(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === LANGUAGE_ID) return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === LANGUAGE_ID);
}

async function fixAll(): Promise<void> {
  const editor = reportInView();
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report first.'));
    return;
  }
  const document = editor.document;
  const whole = new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND);
  const action = actions?.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit !== undefined);
  if (!action?.edit || !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This report has no safe fix to apply.'));
  }
}

async function enableFixOnSave(): Promise<void> {
  const editor = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
  const current = editor.inspect<unknown>('codeActionsOnSave')?.globalLanguageValue;
  await editor.update('codeActionsOnSave', withFixAllOnSave(current, FIX_ALL_KIND), vscode.ConfigurationTarget.Global, true);
  void vscode.window.showInformationMessage(vscode.l10n.t('Saving an annual report now applies its safe fixes (user settings, [xxgk-report] editor.codeActionsOnSave).'));
}

export function registerGuidedStart(extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, () => openSample(extensionUri)),
    vscode.commands.registerCommand(FIX_ALL_COMMAND, fixAll),
    vscode.commands.registerCommand(ENABLE_FIX_ON_SAVE_COMMAND, enableFixOnSave),
  ];
}
