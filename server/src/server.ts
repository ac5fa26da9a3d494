/**
 * The xxgk-report language server: wiring only. Connection, document manager and capabilities
 * here; everything else in features/ and config/. Nothing runs on a change event: diagnostics are pulled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  WorkDoneProgress,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, ConfigResolver } from './config/resolve';
import { CodeActionsFeature } from './features/code-actions';
import { DocumentChecker } from './features/checker';
import { DiagnosticsFeature } from './features/diagnostics';
import { DocumentCache } from './features/document-cache';
import { FoldingFeature } from './features/folding';
import { guarded } from './features/guard';
import { Durations } from './features/durations';
import { HoverFeature } from './features/hover';
import { PreviousReports } from './features/previous-reports';
import { InlayHintsFeature } from './features/inlay-hints';
import { ReportInfoFeature } from './features/report-info';
import { SymbolsFeature } from './features/symbols';
import { TablesFeature } from './features/tables';
import { CompareFeature } from './features/compare';
import { WorkspaceCheck } from './features/workspace-check';
import { convertForEditor } from './features/convert-file';
import { ConversionCache } from './files/conversion-cache';
import { convertFile } from './convert/run';
import { format, localeOf, type Locale } from './messages';
import { CONVERT_METHOD, type ConvertParams, type ConvertResult } from './protocol';
import {
  DIAGNOSTIC_SOURCE, FIX_ALL_KIND, TRUST_GRANTED_NOTIFICATION, type InitializationOptions, REPORT_INFO_METHOD, STATS_METHOD,
  type StatsParams, type StatsResult, SETTINGS_SECTION, TABLES_METHOD,
  type ReportInfoParams, type ReportInfoResult, type TablesParams, type TablesResult,
} from './protocol';
import {
  CHECK_WORKSPACE_METHOD, COMPARE_METHOD, WORKSPACE_REPORT_NOTIFICATION,
  type CheckWorkspaceParams, type CheckWorkspaceResult, type CompareParams, type CompareResult, type WorkspaceReportChange,
} from './protocol';

/** Engine runs, for `xxgk/stats`. */
const counters = { engineRuns: 0, cancelledRuns: 0 };
const pullDurations = new Durations();

const connection = createConnection();
const documents = new TextDocuments(TextDocument);

const log = {
  info: (m: string) => connection.console.info(m),
  warn: (m: string) => connection.console.warn(m),
  error: (m: string) => connection.console.error(m),
};

/** The bundled rule pages: dist/server.js → docs/rules/<code>.md, opened offline. */
const RULE_DOCS = join(__dirname, '..', 'docs', 'rules');
/** A rule's doc page (one URL per rule code, built once: a check may give a thousand findings of one rule). */
const DOCS_HREF = new Map<string, string>();
const docsHref = (code: string): string => {
  let href = DOCS_HREF.get(code);
  if (href === undefined) {
    href = pathToFileURL(join(RULE_DOCS, `${code}.md`)).href;
    DOCS_HREF.set(code, href);
  }
  return href;
};

interface Services {
  readonly locale: Locale;
  readonly resolver: ConfigResolver;
  readonly cache: DocumentCache;
  readonly previous: PreviousReports;
  readonly diagnostics: DiagnosticsFeature;
  readonly codeActions: CodeActionsFeature;
  readonly symbols: SymbolsFeature;
  readonly folding: FoldingFeature;
  readonly reportInfo: ReportInfoFeature;
  readonly hover: HoverFeature;
  readonly inlayHints: InlayHintsFeature;
  readonly tables: TablesFeature;
  readonly workspace: WorkspaceCheck;
  readonly compare: CompareFeature;
  readonly canPullSettings: boolean;
  readonly canRefresh: boolean;
  readonly canRefreshInlayHints: boolean;
  readonly canWatchFiles: boolean;
  readonly canRegisterConfiguration: boolean;
  readonly hasWorkspaceFolders: boolean;
}

/**
 * Published files converted for the editor (workspace check, 「作为年报检查」, converted views): one converter
 * process at a time, cached by content, across restarts of a check (issue 22).
 */
const conversions = new ConversionCache((abs, signal) => convertFile(abs, { script: join(__dirname, 'convert.mjs'), signal }));

let services: Services | undefined;
/** Settings pushed by clients that cannot answer `workspace/configuration`. */
let pushedSettings: unknown;
let folders: string[] = [];
/** Workspace trust: while false, the resolver reads no `.xxgkrc.json`. */
let trusted = true;

function ready(): Services {
  if (!services) throw new Error('the server is not initialised');
  return services;
}

function folderPaths(list: readonly { uri: string }[] | null | undefined): string[] {
  return (list ?? []).filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
}

function readTextFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  const locale = localeOf(params.locale);
  const canPullSettings = caps.workspace?.configuration === true;
  trusted = (params.initializationOptions as InitializationOptions | null | undefined)?.trusted !== false;
  folders = folderPaths(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []));
  const resolver = new ConfigResolver(
    {
      fetchSettings: (uri) => (canPullSettings
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        : Promise.resolve(pushedSettings)),
      readFile: readTextFile,
      workspaceFolders: () => folders,
      trusted: () => trusted,
      log: log.warn,
    },
    {
      locale,
      badSettings: (problems) => format({ key: 'config.badSettings', args: { problems } }, locale),
      badFile: (path, problems) => format({ key: 'config.badFile', args: { path, problems } }, locale),
    },
  );
  // Each engine run in the trace (only when the client turned tracing on): one per version and settings.
  const cache = new DocumentCache((uri, version, ms, cancelled) => {
    if (cancelled) counters.cancelledRuns++; else counters.engineRuns++;
    connection.tracer.log(`checked ${uri} version ${version} in ${ms.toFixed(1)} ms${cancelled ? ' (cancelled)' : ''}`);
  });
  const previous = new PreviousReports(documents, Date.now, conversions);
  const checker = new DocumentChecker(documents, resolver, cache, locale, previous);
  services = {
    locale,
    resolver,
    cache,
    previous,
    diagnostics: new DiagnosticsFeature(checker, docsHref, (uri, range) => conversions.pageOf(uri, range), locale),
    codeActions: new CodeActionsFeature(checker, locale, docsHref, {
      readFile: readTextFile,
      workspaceFolders: () => folders,
      canVersionDocuments: caps.workspace?.workspaceEdit?.documentChanges === true,
      canCreateFiles: caps.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
      trusted: () => trusted,
    }),
    symbols: new SymbolsFeature(checker),
    folding: new FoldingFeature(checker),
    reportInfo: new ReportInfoFeature(checker),
    hover: new HoverFeature(checker, locale),
    inlayHints: new InlayHintsFeature(checker),
    tables: new TablesFeature(checker, locale),
    workspace: new WorkspaceCheck({
      documents, resolver, locale, docsHref,
      workspaceFolders: () => folders,
      publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
      changed: (uri, report) =>
        void connection.sendNotification(WORKSPACE_REPORT_NOTIFICATION, { uri, report } satisfies WorkspaceReportChange),
      log: log.warn,
      conversions,
    }),
    compare: new CompareFeature(documents, previous, resolver),
    canPullSettings,
    canRefresh: caps.workspace?.diagnostics?.refreshSupport === true,
    canRefreshInlayHints: caps.workspace?.inlayHint?.refreshSupport === true,
    canWatchFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    canRegisterConfiguration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    hasWorkspaceFolders: caps.workspace?.workspaceFolders === true,
  };
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      hoverProvider: true,
      inlayHintProvider: true,
      workspace: services.hasWorkspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
    },
    serverInfo: { name: 'xxgk-report' },
  };
});

connection.onInitialized(() => {
  const s = ready();
  if (s.canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  if (s.canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
  if (s.hasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(folderPaths(e.removed));
      folders = [...folders.filter((f) => !removed.has(f)), ...folderPaths(e.added)];
      configurationChanged();
    });
  }
});

/** Settings or a config file changed: resolve again, and ask the client to pull every document again. */
function configurationChanged(): void {
  const s = ready();
  s.resolver.invalidate();
  if (s.canRefresh) connection.languages.diagnostics.refresh();
  s.workspace.configurationChanged();
  // `inlayHints` may have been turned on or off.
  if (s.canRefreshInlayHints) connection.languages.inlayHint.refresh().catch((error: unknown) => log.warn(`[inlay hints] refresh: ${String(error)}`));
}

connection.onDidChangeConfiguration((change) => {
  try {
    const settings: unknown = change.settings;
    if (settings && typeof settings === 'object' && SETTINGS_SECTION in settings) pushedSettings = (settings as Record<string, unknown>)[SETTINGS_SECTION];
    configurationChanged();
  } catch (error) {
    log.error(`[configuration] ${String(error)}`);
  }
});

connection.onDidChangeWatchedFiles((change) => {
  try {
    // Files of the workspace check are checked again (or dropped) when they change on disk.
    for (const c of change.changes) {
      services?.workspace.fileChanged(c.uri, c.type === FileChangeType.Deleted);
      services?.previous.diskChanged(c.uri);
    }
    if (change.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) configurationChanged();
    else if (change.changes.some((c) => services?.previous.hasDependents(c.uri))) previousChanged();
  } catch (error) {
    log.error(`[watched files] ${String(error)}`);
  }
});

/** Last year's report of a checked document changed (carry-over-mismatch): ask the client to pull again. */
function previousChanged(): void {
  if (services?.canRefresh) connection.languages.diagnostics.refresh();
}

documents.onDidChangeContent((e) => {
  if (services?.previous.hasDependents(e.document.uri)) previousChanged();
});

connection.onNotification(TRUST_GRANTED_NOTIFICATION, () => {
  try {
    if (trusted) return;
    trusted = true;
    configurationChanged();
  } catch (error) {
    log.error(`[trust] ${String(error)}`);
  }
});

// A change re-using a version number (or going backwards to one already checked) must not be answered
// from the cache of the old text: every change drops the cached check (the document's earlier version stays,
// for an incremental check of the new text: it is keyed by the text itself, never by the version number).
documents.onDidChangeContent((e) => services?.cache.changed(e.document.uri));

documents.onDidClose((e) => {
  if (services?.previous.hasDependents(e.document.uri)) previousChanged();
  services?.previous.forget(e.document.uri);
  services?.cache.close(e.document.uri);
  services?.resolver.forget(e.document.uri);
});

connection.languages.diagnostics.on(guarded('diagnostics', log.error, () => ({ kind: DocumentDiagnosticReportKind.Full, items: [] }), async (p, t) => {
  const started = performance.now();
  try {
    return await ready().diagnostics.pull(p, t);
  } finally {
    pullDurations.add(performance.now() - started);
  }
}));
connection.onCodeAction(guarded('code actions', log.error, () => [], (p, t) => ready().codeActions.actions(p, t)));
connection.onDocumentSymbol(guarded('symbols', log.error, () => [], (p, t) => ready().symbols.symbols(p, t)));
connection.onFoldingRanges(guarded('folding', log.error, () => [], (p, t) => ready().folding.ranges(p, t)));
connection.onHover(guarded('hover', log.error, () => null, (p, t) => ready().hover.hover(p, t)));
connection.languages.inlayHint.on(guarded('inlay hints', log.error, () => [], (p, t) => ready().inlayHints.hints(p, t)));
connection.onRequest(TABLES_METHOD, guarded<TablesParams, TablesResult>('tables', log.error, () => null, (p, t) => ready().tables.tables(p, t)));
connection.onRequest(STATS_METHOD, (params: StatsParams | null | undefined): StatsResult => {
  const result: StatsResult = {
    ...counters, documents: documents.all().length, heapUsed: process.memoryUsage().heapUsed, pulls: pullDurations.summary(),
    conversions: conversions.stats,
  };
  if (params?.resetPulls === true) pullDurations.clear();
  return result;
});
connection.onRequest(REPORT_INFO_METHOD, guarded<ReportInfoParams, ReportInfoResult>('report info', log.error, () => null, (p, t) => ready().reportInfo.info(p, t)));

/**
 * A document whose findings the workspace check had pushed opens: the pushed ones are cleared and its pulled ones
 * take over. After a server restart the client's first pull of such a document was seen to be lost (issue 22:
 * "No Problems" until the window reloaded; test/e2e/steps/reviewers-desk.mjs): a refresh shortly after makes the
 * client pull the open documents again, so the findings the push held are back whatever happened to that pull.
 */
const REPULL_AFTER_OPEN_MS = 400;
documents.onDidOpen((e) => {
  if (services?.workspace.opened(e.document.uri) && services.canRefresh) {
    setTimeout(() => void connection.languages.diagnostics.refresh(), REPULL_AFTER_OPEN_MS);
  }
});
documents.onDidClose((e) => services?.workspace.closed(e.document.uri));

/** Report files are watched once a workspace check has run (before, their changes matter to nobody). */
let watchingReports = false;
function watchReports(): void {
  const s = ready();
  if (watchingReports || !s.canWatchFiles) return;
  watchingReports = true;
  void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{txt,pdf,docx,html,htm}' }] });
}

connection.onRequest(CHECK_WORKSPACE_METHOD, guarded<CheckWorkspaceParams, CheckWorkspaceResult>('workspace check', log.error, () => ({ reports: [], complete: false, milliseconds: 0 }), async (p, t) => {
  const s = ready();
  watchReports();
  const started = performance.now();
  const token = p?.workDoneToken;
  const folderList = Array.isArray(p?.folders) ? p.folders.filter((f): f is string => typeof f === 'string' && f.startsWith('file:')).map((f) => fileURLToPath(f)) : undefined;
  let lastPercent = -1;
  const progress = (done: number, total: number) => {
    if (token === undefined) return;
    const percentage = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percentage === lastPercent && done !== total) return;
    lastPercent = percentage;
    void connection.sendProgress(WorkDoneProgress.type, token, { kind: 'report', percentage, message: `${done}/${total}` });
  };
  if (token !== undefined) void connection.sendProgress(WorkDoneProgress.type, token, { kind: 'begin', title: format({ key: 'workspace.progress', args: {} }, s.locale), cancellable: true, percentage: 0 });
  try {
    const r = await s.workspace.run(folderList, t, progress);
    return { ...r, milliseconds: Math.round(performance.now() - started) };
  } finally {
    if (token !== undefined) void connection.sendProgress(WorkDoneProgress.type, token, { kind: 'end' });
  }
}));
connection.onRequest(COMPARE_METHOD, guarded<CompareParams, CompareResult>('compare', log.error, () => null, (p) => ready().compare.compare(p)));

connection.onRequest(CONVERT_METHOD, guarded<ConvertParams, ConvertResult | null>('convert', log.error, () => null, (p) => convertForEditor(p, conversions)));

process.on('unhandledRejection', (reason) => log.error(`[unhandled] ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`));

documents.listen(connection);
connection.listen();
