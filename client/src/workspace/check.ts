/**
 * 「检查工作区中的全部年报」: asks the server to check every report file of the workspace (or of the folder
 * the command was run on from the Explorer), with a cancellable progress notification fed by the server's
 * work-done progress. The server publishes the findings of closed files to Problems; the answer fills the
 * 「年报」 view. A message appears only when the user ran the command and there is nothing to check.
 */
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import {
  CHECK_WORKSPACE_COMMAND, CHECK_WORKSPACE_METHOD, WORKSPACE_REPORT_NOTIFICATION,
  type CheckWorkspaceParams, type CheckWorkspaceResult, type WorkspaceReportChange,
} from '../../../server/src/protocol';
import type { ReportsView } from './reports-view';

let counter = 0;

export function registerWorkspaceCheck(client: LanguageClient, view: ReportsView): vscode.Disposable[] {
  const run = async (target?: vscode.Uri): Promise<CheckWorkspaceResult | undefined> => {
    const folders = target?.scheme === 'file' ? [target.toString()] : vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.toString());
    if (!folders || folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to check the annual reports in it.'));
      return undefined;
    }
    const token = `xxgk-workspace-${++counter}`;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the annual reports'), cancellable: true },
      async (progress, cancel) => {
        let last = 0;
        const listener = client.onProgress(WorkDoneProgress.type, token, (value) => {
          if (value.kind !== 'report') return;
          const report = value;
          const percentage = report.percentage ?? last;
          progress.report({ increment: percentage - last, message: report.message });
          last = percentage;
        });
        try {
          const params: CheckWorkspaceParams = { folders, workDoneToken: token };
          const result = await client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_METHOD, params, cancel);
          view.replace(result.reports);
          return result;
        } finally {
          listener.dispose();
        }
      },
    );
  };
  return [
    vscode.commands.registerCommand(
      CHECK_WORKSPACE_COMMAND, (target?: vscode.Uri) => run(target instanceof vscode.Uri ? target : undefined),
    ),
    client.onNotification(WORKSPACE_REPORT_NOTIFICATION, (change: WorkspaceReportChange) => view.update(change.uri, change.report)),
  ];
}
