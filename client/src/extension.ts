/**
 * The VS Code side of xxgk-report: a thin client starting the bundled language server over IPC for report
 * documents (files and untitled), plus the commands, the automatic switch of plain text that reads as a report,
 * the language status item, the table preview and the walkthrough's commands. The extension activates with any
 * plain text (a report named `report-a.txt` must be found too), the server process only with the first report.
 * The output channel never reveals itself; nothing pops up.
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
import { LANGUAGE_ID, TRUST_GRANTED_NOTIFICATION } from '../../server/src/protocol';
import { AutoSwitch } from './auto-switch';
import { ConvertedReports } from './convert/converted-reports';
import { registerCommands } from './commands';
import { registerGuidedStart } from './guided-start';
import { TablePreview } from './preview/panel';
import { registerServerCommands } from './server-commands';
import { ServerStart } from './server-start';
import { ReportStatus } from './status';
import { TrustRelay } from './trust';
import { ComparePanel } from './compare/panel';
import { registerTaskProvider } from './workspace/task';
import { registerWorkspaceCheck } from './workspace/check';
import { ReportsView } from './workspace/reports-view';

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
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('xxgk-report');
  let status: ReportStatus | undefined;
  const trust = new TrustRelay(
    () => vscode.workspace.isTrusted,
    () => client?.sendNotification(TRUST_GRANTED_NOTIFICATION) ?? Promise.resolve(),
  );
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
    // An untrusted workspace's .xxgkrc.json is not read until trust is granted; read when the server starts.
    initializationOptions: () => trust.initializationOptions(),
  };
  // The id names the trace setting: `xxgk.trace.server`.
  client = new LanguageClient('xxgk', 'xxgk-report', serverOptions, clientOptions);
  const server = new ServerStart(client, () => trust.started());
  status = new ReportStatus(client);
  const startFor = (documents: readonly vscode.TextDocument[]) =>
    server.considerLanguages(documents.map((d) => d.languageId), LANGUAGE_ID)?.then(() => status?.refresh()).catch((error: unknown) => {
      outputChannel.appendLine(`start failed: ${error instanceof Error ? error.message : String(error)}`);
      status?.stopped();
    });
  const reportsView = new ReportsView();
  const converted = new ConvertedReports(client);
  context.subscriptions.push(
    ...registerCommands(converted),
    ...registerServerCommands(server, outputChannel),
    ...registerGuidedStart(context.extensionUri),
    new AutoSwitch(),
    outputChannel,
    status,
    new TablePreview(client),
    converted,
    reportsView,
    ...registerWorkspaceCheck(client, reportsView),
    new ComparePanel(client),
    registerTaskProvider(context),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void trust.granted(client?.isRunning() === true)),
    // The server starts with the first report: one opened as such, or plain text switched to it.
    vscode.workspace.onDidOpenTextDocument((d) => void startFor([d])),
  );
  await startFor(vscode.workspace.textDocuments);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
