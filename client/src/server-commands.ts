/** `xxgk.restartServer` and `xxgk.showOutput`: what a user needs when the checker misbehaves, without reloading the window. */
import * as vscode from 'vscode';
import type { ServerStart } from './server-start';

export const RESTART_SERVER_COMMAND = 'xxgk.restartServer';
export const SHOW_OUTPUT_COMMAND = 'xxgk.showOutput';

export function registerServerCommands(server: ServerStart, output: vscode.OutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
      try {
        await server.restart();
      } catch (error) {
        output.appendLine(`restart failed: ${error instanceof Error ? error.message : String(error)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('The xxgk-report language server could not be restarted; see its output.'));
      }
    }),
    // Shown only on request (the channel never reveals itself).
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
  ];
}
