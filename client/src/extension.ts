/**
 * The VS Code side of xxgk-report (issue 4): a thin client starting the bundled language server over IPC for
 * report documents (files and untitled), plus the commands, the automatic switch of plain text that reads as
 * a report, the language status item and the table preview (issue 5). The output channel never reveals itself;
 * nothing pops up.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGE_ID, TRUST_GRANTED_NOTIFICATION, type InitializationOptions } from '../../server/src/protocol';
import { AutoSwitch } from './auto-switch';
import { ConvertedReports } from './convert/converted-reports';
import { registerCommands } from './commands';
import { TablePreview } from './preview/panel';
import { ReportStatus } from './status';

let client: LanguageClient | undefined;

/** Restarts a crashed server a few times, then stops quietly (the status item says so) instead of a pop-up. */
function quietErrorHandler(onGiveUp: () => void): LanguageClientOptions['errorHandler'] {
  const restarts: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && now - restarts[0] > 3 * 60_000) restarts.shift();
      if (restarts.length <= 4) return { action: CloseAction.Restart, handled: true };
      onGiveUp();
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(...registerCommands(), new AutoSwitch());

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('xxgk-report');
  let status: ReportStatus | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      // Published files (PDF, DOCX, HTML) opened as their converted text: read-only, checked like any report.
      { scheme: 'xxgk-converted', language: LANGUAGE_ID },
    ],
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: quietErrorHandler(() => status?.stopped()),
    initializationFailedHandler: (error) => {
      outputChannel.appendLine(`initialisation failed: ${error instanceof Error ? error.message : String(error)}`);
      status?.stopped();
      return false;
    },
    diagnosticPullOptions: { onChange: true, onSave: true },
    // Issue 9: an untrusted workspace's .xxgkrc.json is not read until trust is granted.
    initializationOptions: { trusted: vscode.workspace.isTrusted } satisfies InitializationOptions,
  };
  client = new LanguageClient('xxgkReport', 'xxgk-report', serverOptions, clientOptions);
  status = new ReportStatus(client);
  context.subscriptions.push(outputChannel, status, new TablePreview(client), new ConvertedReports(client));
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    void client?.sendNotification(TRUST_GRANTED_NOTIFICATION).catch(() => undefined);
  }));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
