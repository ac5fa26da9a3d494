/**
 * The workspace check: every report file of the workspace folders, checked without opening it. The work
 * runs here, in the server, one file per turn of the event loop, so that a keystroke's diagnostics, a hover
 * or a cancellation is answered between two files; it stops when cancelled. Findings of files that are not
 * open are pushed (`publishDiagnostics`); open documents keep their pulled diagnostics, and a file's pushed
 * ones are cleared when it opens and pushed again when it closes. Files checked are checked again when they
 * change on disk, and dropped when deleted.
 *
 * Last year's report of each file (carry-over-mismatch) is paired as the editor pairs an open report: same
 * folder, same body, the year before. The body and year of every file are read first from its opening lines
 * (cheap, one file per turn), so that no single turn has to parse a whole folder to find one pair.
 *
 * Published files (PDF, DOCX, HTML) are part of the check (issue 22): converted in the background through the
 * shared ConversionCache (one converter process at a time, killed when the check is cancelled, cached by content
 * so a second check of an unchanged folder converts nothing), identified by their converted text, listed with
 * their format and pages; their findings are published on their `xxgk-converted:` view, each message with its
 * page. Every file looked at is listed: one that is not a report as such, never left out in silence.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decode, looksLikeReport, MAX_TEXT_FILE_BYTES } from '../files/read';
import { globListMatcher } from '../config/glob';
import type { ConfigResolver } from '../config/resolve';
import { checkReport, overCapArgs, parseReport, reportValues, type Finding, type SeveritySetting } from '../engine';
import type { ConversionCache } from '../files/conversion-cache';
import { failureFinding, isPublishedFile, sourceAt } from '../files/converted';
import { isReport } from '../files/identify';
import type { Converted } from '../convert';
import { format, type Locale, type Message } from '../messages';
import { convertedViewUri, sourceFileOfView, type WorkspaceReport } from '../protocol';
import { toDiagnostic } from './to-lsp';
import { identityOf } from './previous-reports';
import { checkSettingsOf } from './settings';

export interface WorkspaceCheckEnvironment {
  readonly documents: TextDocuments<TextDocument>;
  readonly resolver: ConfigResolver;
  readonly locale: Locale;
  readonly docsHref: (code: string) => string;
  workspaceFolders(): readonly string[];
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** A report of the list changed (or went away: null). */
  changed(uri: string, report: WorkspaceReport | null): void;
  log(message: string): void;
  /** Published files' conversions, shared with 「作为年报检查」 and the converted view. */
  readonly conversions: ConversionCache;
}

interface Candidate {
  readonly abs: string;
  readonly folder: string;
  /** Matches the `files` globs: listed even when it does not read as a report. */
  readonly byGlob: boolean;
}

/** What the workspace check looks at besides the `files` globs; other files are skipped by their extension. */
const LOOKED_AT = /\.(txt|pdf|docx|html?)$/i;
const isConverted = (abs: string) => isPublishedFile(abs) && /\.(pdf|docx|html?)$/i.test(abs);

/** A file's text: read (or its open document's), converted, or why there is none. */
type Source =
  | { readonly kind: 'text'; readonly text: string; readonly converted?: Converted }
  | { readonly kind: 'failed'; readonly finding: Finding; readonly format: Converted['format'] | null }
  | { readonly kind: 'problem'; readonly problem: FileProblem }
  | { readonly kind: 'none' };

/** Why a plain file was not checked: the code and message the CLI gives it. */
interface FileProblem {
  readonly code: 'report-too-large' | 'file-encoding' | 'file-unreadable';
  readonly message: Message;
}

/** A file's body and year, and its folder: what pairs it with last year's report. */
interface Identity {
  readonly dir: string;
  readonly body: string;
  readonly year: number;
}

const identityKey = (id: Identity) => `${id.dir}\u0000${id.body}\u0000${id.year}`;

/** Lines enough for the title and the year (as the CLI sniffs a file). */
const OPENING_LINES = 40;

/** Folders never searched: version control, dependencies, hidden folders. */
const skippedDir = (name: string) => name.startsWith('.') || name === 'node_modules';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const toPosix = (p: string) => p.split(sep).join('/');

/** The folders a check covers: those asked for, else the workspace folders. */
const roots = (folders: readonly string[] | undefined, env: WorkspaceCheckEnvironment) =>
  (folders && folders.length > 0 ? folders : env.workspaceFolders());

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The key of a document: a converted view's URI made as the server makes it, whatever the client's encoding. */
function documentKey(uri: string): string {
  const file = sourceFileOfView(uri);
  if (file === undefined) return uri;
  try {
    return convertedViewUri(pathToFileURL(fileURLToPath(file)).href);
  } catch {
    return uri;
  }
}

export class WorkspaceCheck {
  /** Files of the last workspace check, by URI. */
  private readonly reports = new Map<string, WorkspaceReport>();
  /** URIs whose findings were pushed (not empty). */
  private readonly pushed = new Set<string>();
  private active = false;
  /** Each run's number: a run stops when a newer one starts. */
  private generation = 0;
  private readonly queue = new Set<string>();
  private draining = false;
  private readonly identities = new Map<string, Identity>();
  /** The running check's: aborting it stops its converter process. */
  private abortRun: AbortController | undefined;
  /** Where each file's findings were pushed, when not on the file itself (a published file's converted view). */
  private readonly pushedOn = new Map<string, string>();
  /** identityKey → the URIs of that folder, body and year. */
  private readonly byIdentity = new Map<string, Set<string>>();

  constructor(private readonly env: WorkspaceCheckEnvironment) {}

  /** Whether a workspace check has run: file changes matter from then on. */
  get watching(): boolean {
    return this.active;
  }

  list(): WorkspaceReport[] {
    return [...this.reports.values()];
  }

  /** Check every report file under the folders (default: the workspace folders). */
  async run(
    folders: readonly string[] | undefined,
    token: CancellationToken,
    /** Work-done progress: `done` of `total` files. */
    progress: (done: number, total: number) => void = () => undefined,
  ): Promise<{ reports: WorkspaceReport[]; complete: boolean }> {
    this.active = true;
    const generation = ++this.generation;
    const superseded = () => token.isCancellationRequested || generation !== this.generation;
    // A cancelled or superseded check stops the converter process it is waiting for.
    const abort = new AbortController();
    this.abortRun?.abort();
    this.abortRun = abort;
    const cancelled = token.onCancellationRequested(() => abort.abort());
    try {
      return await this.runFiles(roots(folders, this.env), token, superseded, abort.signal, progress);
    } finally {
      cancelled.dispose();
      if (this.abortRun === abort) this.abortRun = undefined;
    }
  }

  private async runFiles(
    roots: readonly string[], token: CancellationToken, superseded: () => boolean, signal: AbortSignal,
    progress: (done: number, total: number) => void,
  ): Promise<{ reports: WorkspaceReport[]; complete: boolean }> {
    const candidates: Candidate[] = [];
    for (const root of roots) {
      const globs = (await this.env.resolver.resolve(pathToFileURL(join(root, '.xxgk-folder')).href)).config.files;
      await this.walk(root, root, globs, candidates, token);
      if (superseded()) return { reports: this.list(), complete: false };
    }
    const seen = new Set(candidates.map((c) => pathToFileURL(c.abs).href));
    // Files under the folders checked before that are gone now.
    for (const uri of [...this.reports.keys()]) {
      const abs = fileURLToPath(uri);
      if (!seen.has(uri) && roots.some((r) => abs.startsWith(r + sep))) this.remove(uri);
    }
    // Progress counts every conversion and every check.
    const total = candidates.length + candidates.filter((c) => isConverted(c.abs)).length;
    let done = 0;
    progress(0, total);
    // Every file's body and year first (from its opening lines; a published file's from its converted text),
    // so that each check finds last year's report.
    for (const [i, c] of candidates.entries()) {
      if (superseded()) return { reports: this.list(), complete: false };
      const source = await this.sourceOf(c.abs, signal);
      if (superseded()) return { reports: this.list(), complete: false };
      const text = source.kind === 'text' ? source.text : undefined;
      this.setIdentity(pathToFileURL(c.abs).href, text === undefined ? null : identityOf(parseReport(text.split(/\r\n|\r|\n/, OPENING_LINES).join('\n'))));
      if (isConverted(c.abs)) progress(++done, total);
      if (i % 10 === 9 || isConverted(c.abs)) await nextTurn();
    }
    for (const c of candidates) {
      if (superseded()) return { reports: this.list(), complete: false };
      await this.checkFile(c.abs, c.folder, c.byGlob, signal);
      progress(++done, total);
      await nextTurn();
    }
    return { reports: this.list(), complete: true };
  }

  private async walk(dir: string, root: string, globs: readonly string[], out: Candidate[], token: CancellationToken): Promise<void> {
    if (token.isCancellationRequested) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (!skippedDir(e.name)) await this.walk(abs, root, globs, out, token);
        continue;
      }
      if (!e.isFile()) continue;
      const rel = toPosix(relative(root, abs));
      const byGlob = globListMatcher(globs)(rel);
      if (byGlob || LOOKED_AT.test(e.name)) out.push({ abs, folder: root, byGlob });
    }
  }

  /**
   * Check one file (its open document's text when open; a published file's converted text) and publish. Every
   * file looked at is listed: one that holds no report as `not-report`, one that cannot be read as `unreadable`.
   */
  private async checkFile(abs: string, folder: string, byGlob: boolean, signal?: AbortSignal): Promise<void> {
    const uri = pathToFileURL(abs).href;
    const open = this.env.documents.get(uri);
    const base = { uri, path: toPosix(relative(folder, abs)) };
    const empty = { body: null, year: null, version: null, errors: 0, warnings: 0 };
    const source = await this.sourceOf(abs, signal);
    if (signal?.aborted) return;
    if (source.kind === 'none') {
      this.set({ ...base, ...empty, status: 'unreadable' }, []);
      return;
    }
    if (source.kind === 'problem') {
      // Not checked (too large, unreadable, undecodable): an error as the CLI gives it, when the CLI lists the file
      // as a report too (by glob, unreadable, or too large with a report's opening lines); else not a report, as there.
      const { code } = source.problem;
      if (byGlob || code === 'file-unreadable' || (code === 'report-too-large' && looksLikeReport(abs))) await this.setUnchecked(base, source.problem);
      else this.set({ ...base, ...empty, status: 'not-report' }, []);
      return;
    }
    if (source.kind === 'failed') {
      // One finding saying why, on the file itself (the CLI's file-conversion finding).
      const document = TextDocument.create(uri, 'xxgk-report', 0, '');
      const entry: WorkspaceReport = {
        ...base, ...empty, errors: source.finding.severity === 'error' ? 1 : 0, warnings: source.finding.severity === 'warning' ? 1 : 0,
        status: 'unreadable', ...(source.format ? { format: source.format } : {}),
      };
      this.set(entry, [toDiagnostic(document, source.finding, this.env.docsHref)]);
      return;
    }
    const { text, converted } = source;
    const resolved = await this.env.resolver.resolve(uri);
    const settings = checkSettingsOf(resolved, this.env.locale);
    const report = parseReport(text, { version: settings.options.version });
    const published = converted ? { format: converted.format, ...(converted.pages !== undefined ? { pages: converted.pages } : {}) } : {};
    if (!isReport(report) && !byGlob) {
      this.setIdentity(uri, null);
      this.set({ ...base, ...empty, status: 'not-report', ...published }, []);
      return;
    }
    this.setIdentity(uri, identityOf(report));
    // Last year's report is part of the check's input, as in the editor and the CLI (carry-over-mismatch).
    const previousUri = this.previousOf(uri);
    const previousSource = previousUri !== undefined ? await this.sourceOf(fileURLToPath(previousUri), signal) : undefined;
    const previous = previousUri !== undefined && previousSource?.kind === 'text' ? { text: previousSource.text, uri: previousUri } : undefined;
    const result = checkReport(report, { ...settings.options, ...(previous ? { previous } : {}) });
    const findings: Finding[] = result.findings.filter(settings.keep);
    const values = reportValues(report);
    // A published file's findings live on its converted view, where their lines and columns are.
    const view = converted ? convertedViewUri(uri) : undefined;
    const entry: WorkspaceReport = {
      ...base, body: values.body, year: values.year, version: values.version,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      status: isReport(report) ? 'report' : 'not-report',
      ...published, ...(view ? { document: view } : {}),
    };
    if (open || (view && this.env.documents.all().some((d) => documentKey(d.uri) === view))) {
      this.set(entry, null);
    } else {
      const document = TextDocument.create(view ?? uri, 'xxgk-report', 0, text);
      this.set(entry, findings.map((f) => this.withPage(toDiagnostic(document, f, this.env.docsHref), converted, f)), view);
    }
  }

  /** A converted PDF's finding names its page in the message, as the CLI prints it. */
  private withPage(d: Diagnostic, converted: Converted | undefined, f: Finding): Diagnostic {
    const page = converted ? sourceAt(converted, f.range)?.page : undefined;
    return page === undefined ? d : { ...d, message: d.message + format({ key: 'converted.page', args: { page } }, this.env.locale) };
  }

  /** The text of a file: its open document's, the decoded file, or a published file's conversion (cached). */
  private async sourceOf(abs: string, signal?: AbortSignal): Promise<Source> {
    const open = this.env.documents.get(pathToFileURL(abs).href);
    if (open) return { kind: 'text', text: open.getText() };
    if (isConverted(abs)) {
      const conversion = await this.env.conversions.convert(abs, signal);
      if (!conversion) return { kind: 'none' };
      if (conversion.kind === 'converted') return { kind: 'text', text: conversion.text, converted: conversion };
      const { cli, message } = failureFinding(conversion);
      const finding: Finding = {
        code: cli.code, severity: cli.defaultSeverity, message: format(message, this.env.locale),
        span: { start: 0, end: 0 }, range: ORIGIN, related: [], suggestions: [],
      };
      return { kind: 'failed', finding, format: conversion.format };
    }
    // The size is looked at before reading, so a file of hundreds of megabytes costs nothing (as in check-file.ts).
    try {
      const st = await stat(abs);
      if (st.size > MAX_TEXT_FILE_BYTES) {
        return { kind: 'problem', problem: { code: 'report-too-large', message: { key: 'report-too-large', args: overCapArgs(st.size) } } };
      }
      const decoded = decode(await readFile(abs));
      if (decoded.kind === 'text') return { kind: 'text', text: decoded.text };
      const key = decoded.kind === 'binary' ? 'file-encoding.binary' : decoded.kind === 'big5' ? 'file-encoding.big5' : 'file-encoding';
      return { kind: 'problem', problem: { code: 'file-encoding', message: { key } } };
    } catch (error) {
      return { kind: 'problem', problem: { code: 'file-unreadable', message: { key: 'file-unreadable', args: { error: error instanceof Error ? error.message : String(error) } } } };
    }
  }

  /** A file that was not checked: one error-level finding at its start (unless its code is turned off). */
  private async setUnchecked(base: { uri: string; path: string }, problem: FileProblem): Promise<void> {
    const settings = checkSettingsOf(await this.env.resolver.resolve(base.uri), this.env.locale);
    const setting: SeveritySetting = settings.options.rules?.[problem.code] ?? 'error';
    const findings: Finding[] = setting === 'off' ? [] : [{
      code: problem.code, severity: setting, message: format(problem.message, this.env.locale),
      span: { start: 0, end: 0 }, range: ORIGIN, related: [], suggestions: [],
    }];
    const document = TextDocument.create(base.uri, 'xxgk-report', 0, '');
    this.set({
      ...base, body: null, year: null, version: null, status: 'unreadable',
      errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length,
    }, findings.map((f) => toDiagnostic(document, f, this.env.docsHref)));
  }

  private setIdentity(uri: string, identity: { body: string; year: number } | null): void {
    const before = this.identities.get(uri);
    if (before) {
      const set = this.byIdentity.get(identityKey(before));
      set?.delete(uri);
      if (set?.size === 0) this.byIdentity.delete(identityKey(before));
      this.identities.delete(uri);
    }
    if (!identity) return;
    const id: Identity = { dir: dirname(fileURLToPath(uri)), body: identity.body, year: identity.year };
    this.identities.set(uri, id);
    const key = identityKey(id);
    this.byIdentity.set(key, (this.byIdentity.get(key) ?? new Set<string>()).add(uri));
  }

  /**
   * The one file of the same folder and body a year before; of a text report and its own published file, the text;
   * none when there are two of one kind (which would be a guess).
   */
  private previousOf(uri: string): string | undefined {
    const id = this.identities.get(uri);
    if (!id) return undefined;
    const found = [...(this.byIdentity.get(identityKey({ ...id, year: id.year - 1 })) ?? [])];
    if (found.length === 1) return found[0];
    const texts = found.filter((u) => !isConverted(fileURLToPath(u)));
    return texts.length === 1 ? texts[0] : undefined;
  }

  /** The files whose last year's report this one is: checked again when it changes. */
  private dependentsOf(uri: string): string[] {
    const id = this.identities.get(uri);
    if (!id) return [];
    return [...(this.byIdentity.get(identityKey({ ...id, year: id.year + 1 })) ?? [])].filter((u) => this.reports.has(u));
  }

  /**
   * Record an entry; publish its diagnostics on `on` (the file, or its converted view), clearing those pushed
   * before elsewhere (null: an open document, whose diagnostics are pulled).
   */
  private set(entry: WorkspaceReport, diagnostics: Diagnostic[] | null, on: string = entry.uri): void {
    const before = this.reports.get(entry.uri);
    this.reports.set(entry.uri, entry);
    const previousTarget = this.pushedOn.get(entry.uri) ?? entry.uri;
    if (diagnostics !== null && previousTarget !== on && this.pushed.delete(previousTarget)) this.env.publish(previousTarget, []);
    if (on === entry.uri) this.pushedOn.delete(entry.uri);
    else this.pushedOn.set(entry.uri, on);
    if (diagnostics !== null && (diagnostics.length > 0 || this.pushed.has(on))) {
      this.env.publish(on, diagnostics);
      if (diagnostics.length > 0) this.pushed.add(on);
      else this.pushed.delete(on);
    }
    if (!before || JSON.stringify(before) !== JSON.stringify(entry)) this.env.changed(entry.uri, entry);
  }

  private remove(uri: string): void {
    this.reports.delete(uri);
    this.setIdentity(uri, null);
    const on = this.pushedOn.get(uri) ?? uri;
    this.pushedOn.delete(uri);
    if (this.pushed.delete(on)) this.env.publish(on, []);
    this.env.changed(uri, null);
  }

  /** A file was created, changed or deleted on disk: check it again (queued, one per turn). */
  fileChanged(uri: string, deleted: boolean): void {
    if (!this.active || !uri.startsWith('file:')) return;
    const dependents = this.dependentsOf(uri);
    if (deleted) {
      if (this.reports.has(uri)) this.remove(uri);
      this.setIdentity(uri, null);
    } else {
      this.queue.add(uri);
    }
    // Their carry-over check read this file.
    for (const d of dependents) this.queue.add(d);
    void this.drain();
  }

  /** Settings or a config file changed: every file of the check is checked again (queued, one per turn). */
  configurationChanged(): void {
    if (!this.active) return;
    for (const uri of this.reports.keys()) this.queue.add(uri);
    void this.drain();
  }

  /** A document was opened: its diagnostics are pulled from now on, so the pushed ones go. */
  /** Whether pushed findings were cleared (the document's pulled ones must take their place). */
  opened(uri: string): boolean {
    const key = documentKey(uri);
    if (!this.pushed.delete(key)) return false;
    this.env.publish(key, []);
    return true;
  }

  /** A document was closed: a file of the workspace check gets its findings pushed again, from disk. */
  closed(closedUri: string): void {
    // A converted view closed: its published file's findings are pushed again.
    const file = sourceFileOfView(closedUri);
    const uri = file !== undefined ? pathToFileURL(fileURLToPath(file)).href : closedUri;
    if (this.reports.has(uri)) {
      this.queue.add(uri);
      void this.drain();
    }
  }

  /** Wait until queued re-checks are done (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining || this.queue.size > 0) await nextTurn();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.size > 0) {
        const [uri] = this.queue;
        this.queue.delete(uri);
        const abs = fileURLToPath(uri);
        const folder = this.folderOf(abs);
        if (!folder) continue;
        const globs = (await this.env.resolver.resolve(pathToFileURL(join(folder, '.xxgk-folder')).href)).config.files;
        const byGlob = globListMatcher(globs)(toPosix(relative(folder, abs)));
        if (!byGlob && !LOOKED_AT.test(abs)) continue;
        try {
          const before = this.identities.get(uri);
          await this.checkFile(abs, folder, byGlob);
          // A file that became last year's report of another (its body or year changed): that one reads it now.
          const after = this.identities.get(uri);
          if (after && (!before || identityKey(before) !== identityKey(after))) for (const d of this.dependentsOf(uri)) this.queue.add(d);
        } catch (error) {
          this.env.log(`[workspace check] ${abs}: ${error instanceof Error ? error.message : String(error)}`);
        }
        await nextTurn();
      }
    } finally {
      this.draining = false;
    }
  }

  private folderOf(abs: string): string | undefined {
    return this.env.workspaceFolders().filter((f) => abs.startsWith(f + sep)).sort((a, b) => b.length - a.length)[0];
  }
}
