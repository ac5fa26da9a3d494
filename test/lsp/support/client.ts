/**
 * A real LSP client for the bundled server: spawns `node dist/server.js --stdio` and talks JSON-RPC
 * over its pipes with vscode-jsonrpc. It answers `workspace/configuration` from `settings`, records log
 * messages and diagnostic refresh requests, and lets tests wait for them (with a timeout, never a sleep).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FoldingRange, Hover, InitializeResult, InlayHint, Position, Range,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import type { ReportInfoResult, TablesResult, StatsParams, StatsResult } from '../../../server/src/protocol';

export const ROOT = join(__dirname, '..', '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
export const SAMPLES = join(ROOT, 'samples');
export { SAMPLE } from '../../support/samples';

export const sampleText = (name: string) => readFileSync(join(SAMPLES, name), 'utf8');
export const sampleUri = (name: string) => pathToFileURL(join(SAMPLES, name)).href;
export const docsHref = (code: string) => pathToFileURL(join(ROOT, 'docs', 'rules', `${code}.md`)).href;

export interface LogEntry {
  readonly type: number;
  readonly message: string;
}

export interface StartOptions {
  readonly locale?: string;
  /** The `xxgk` settings answered for a resource; defaults to none (null). */
  readonly settings?: (scopeUri: string | undefined) => unknown; // a value, or a promise of one
  readonly workspaceFolders?: readonly string[];
  readonly configuration?: boolean;
  /** Whether the client applies `documentChanges` and creates files, as VS Code does (default true). */
  readonly workspaceEdit?: boolean;
  /** Sent as `initializationOptions` (e.g. `{ trusted: false }`). */
  readonly initializationOptions?: unknown;
}

interface Waiter {
  readonly test: () => boolean;
  readonly resolve: () => void;
}

export class TestClient {
  readonly logs: LogEntry[] = [];
  /** `$/logTrace` messages, once `trace()` turned tracing on. */
  readonly traces: string[] = [];
  refreshes = 0;
  inlayHintRefreshes = 0;
  configurationRequests = 0;
  initializeResult!: InitializeResult;
  settings: (scopeUri: string | undefined) => unknown; // a value, or a promise of one
  private readonly waiters: Waiter[] = [];
  private readonly stderr: string[] = [];
  private exited = false;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams, readonly connection: MessageConnection, options: StartOptions,
  ) {
    this.settings = options.settings ?? (() => null);
    child.stderr.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    child.on('exit', () => { this.exited = true; this.notify(); });
    connection.onRequest('workspace/configuration', async (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests++;
      this.notify();
      return Promise.all(params.items.map((i) => (i.section === 'xxgk' ? this.settings(i.scopeUri) : null)));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.notify();
      return null;
    });
    connection.onRequest('workspace/inlayHint/refresh', () => {
      this.inlayHintRefreshes++;
      this.notify();
      return null;
    });
    connection.onNotification('$/logTrace', (p: { message: string }) => {
      this.traces.push(p.message);
      this.notify();
    });
    connection.onNotification('window/logMessage', (p: LogEntry) => {
      this.logs.push(p);
      this.notify();
    });
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, options);
    connection.listen();
    const folders = (options.workspaceFolders ?? []).map((p) => ({ uri: pathToFileURL(p).href, name: p }));
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      locale: options.locale,
      initializationOptions: options.initializationOptions,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length ? folders : null,
      capabilities: {
        workspace: {
          configuration: options.configuration ?? true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
          workspaceFolders: true,
          inlayHint: { refreshSupport: true },
          workspaceEdit: (options.workspaceEdit ?? true) ? { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } : undefined,
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: { lineFoldingOnly: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          inlayHint: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves when `test()` holds, checked on every message from the server; rejects after `ms`. */
  waitFor(what: string, test: () => boolean, ms = 10_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.join('')}`)), ms);
      this.waiters.push({ test, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.test() || this.exited) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  trace(value: 'off' | 'messages' | 'verbose'): Promise<void> {
    return this.connection.sendNotification('$/setTrace', { value });
  }

  open(uri: string, text: string, version = 1, languageId = 'xxgk-report'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  changeConfiguration(settings: unknown = null): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
  }

  pull(uri: string, previousResultId?: string, token?: CancellationTokenSource): Promise<DocumentDiagnosticReport> {
    const params = { textDocument: { uri }, previousResultId };
    return token ? this.connection.sendRequest('textDocument/diagnostic', params, token.token) : this.connection.sendRequest('textDocument/diagnostic', params);
  }

  /** The items of a full report (fails on an unchanged one). */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
  }

  /** The items of a full report from the table and structure rules (see `isTableOrStructure`). */
  async tableDiagnostics(uri: string): Promise<Diagnostic[]> {
    return (await this.diagnostics(uri)).filter(isTableOrStructure);
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  symbols(uri: string): Promise<DocumentSymbol[]> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[]> {
    return this.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  inlayHints(uri: string, range: Range): Promise<InlayHint[] | null> {
    return this.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range });
  }

  tables(uri: string, version: number): Promise<TablesResult> {
    return this.connection.sendRequest('xxgk/tables', { uri, version });
  }

  stats(params: StatsParams = {}): Promise<StatsResult> {
    return this.connection.sendRequest('xxgk/stats', params);
  }

  reportInfo(uri: string): Promise<ReportInfoResult> {
    return this.connection.sendRequest('xxgk/reportInfo', { uri });
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      const exited = this.waitFor('server exit', () => this.exited, 5_000);
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
        await exited;
      } catch {
        this.child.kill();
      }
    }
    this.connection.dispose();
  }
}

/** The range of `needle`'s n-th occurrence on a line, to state expected ranges by content. */
export function rangeOn(text: string, line: number, needle: string, occurrence = 0): Range {
  const l = text.split(/\r\n|\r|\n/)[line];
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = l.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not on line ${line}: ${l}`);
  return { start: { line, character: at }, end: { line, character: at + needle.length } };
}

/** An LSP range from 0-based line and character pairs. */
export const r = (sl: number, sc: number, el: number, ec: number) => ({
  start: { line: sl, character: sc }, end: { line: el, character: ec },
});

export const compact = (d: Diagnostic) => ({ code: d.code, range: d.range });

/**
 * The structure and table rules, whose findings on the samples are stated literally here. The prose rules
 * (`text-*`, year, fee statement, carry-over) have their own hand-checked expectations and are left out,
 * as test/unit/samples.test.ts does; the comparison with the CLI covers every finding.
 */
export const isTableOrStructure = (d: { code?: string | number }) =>
  typeof d.code === 'string' && !d.code.startsWith('text-') && !['year-mismatch', 'fee-statement-missing', 'carry-over-mismatch'].includes(d.code);
