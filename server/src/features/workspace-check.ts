/**
 * The workspace check: every report file of the workspace folders, checked without opening it. The work
 * runs here, in the server, one file per turn of the event loop, so that a keystroke's diagnostics, a hover
 * or a cancellation is answered between two files; it stops when cancelled. Findings of files that are not
 * open are pushed (`publishDiagnostics`); open documents keep their pulled diagnostics, and a file's pushed
 * ones are cleared when it opens and pushed again when it closes. Files checked are checked again when they
 * change on disk, and dropped when deleted.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decode } from '../cli/read';
import { matchesGlob } from '../config/glob';
import type { ConfigResolver } from '../config/resolve';
import { check, type Finding } from '../engine';
import { carryOverFindings } from '../engine/carry-over';
import { MAX_REPORT_BYTES } from '../engine/limits';
import { reportValues } from '../engine/values';
import type { Locale } from '../messages';
import type { WorkspaceReport } from '../protocol';
import { toDiagnostic } from './diagnostics';
import type { PreviousReports } from './previous-reports';
import { checkSettingsOf } from './settings';

export interface WorkspaceCheckEnvironment {
  readonly documents: TextDocuments<TextDocument>;
  readonly resolver: ConfigResolver;
  readonly previous: PreviousReports;
  readonly locale: Locale;
  readonly docsHref: (code: string) => string;
  workspaceFolders(): readonly string[];
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** A report of the list changed (or went away: null). */
  changed(uri: string, report: WorkspaceReport | null): void;
  log(message: string): void;
}

interface Candidate {
  readonly abs: string;
  readonly folder: string;
  /** Matches the `files` globs: listed even when it does not read as a report. */
  readonly byGlob: boolean;
}

/** Folders never searched: version control, dependencies, hidden folders. */
const skippedDir = (name: string) => name.startsWith('.') || name === 'node_modules';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const toPosix = (p: string) => p.split(sep).join('/');

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
    const roots = folders && folders.length > 0 ? folders : this.env.workspaceFolders();
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
    let done = 0;
    progress(0, candidates.length);
    for (const c of candidates) {
      if (superseded()) return { reports: this.list(), complete: false };
      await this.checkFile(c.abs, c.folder, c.byGlob);
      done++;
      progress(done, candidates.length);
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
      const byGlob = globs.some((g) => matchesGlob(rel, g));
      if (byGlob || /\.txt$/i.test(e.name)) out.push({ abs, folder: root, byGlob });
    }
  }

  /** Check one file (its open document's text when open) and publish; a `.txt` that is no report is not listed. */
  private async checkFile(abs: string, folder: string, byGlob: boolean): Promise<void> {
    const uri = pathToFileURL(abs).href;
    const open = this.env.documents.get(uri);
    const base = { uri, path: toPosix(relative(folder, abs)) };
    let text: string | undefined;
    if (open) {
      text = open.getText();
    } else {
      try {
        const st = await stat(abs);
        // Far larger than any report: not read whole (the engine reports report-too-large for open ones).
        if (st.size > MAX_REPORT_BYTES * 4) {
          if (byGlob) this.set({ ...base, body: null, year: null, version: null, errors: 0, warnings: 0, status: 'not-report' }, []);
          return;
        }
        const decoded = decode(await readFile(abs));
        text = decoded.kind === 'text' ? decoded.text : undefined;
      } catch {
        text = undefined;
      }
    }
    if (text === undefined) {
      if (byGlob) this.set({ ...base, body: null, year: null, version: null, errors: 0, warnings: 0, status: 'unreadable' }, []);
      return;
    }
    const resolved = await this.env.resolver.resolve(uri);
    const settings = checkSettingsOf(resolved, this.env.locale);
    const result = check(text, settings.options);
    const report = result.report;
    const isReport = report.content === 'text' && (report.sections.length > 0 || Object.keys(report.tables).length > 0);
    if (!isReport && !byGlob) {
      if (this.reports.has(uri)) this.remove(uri);
      return;
    }
    let findings: Finding[] = result.findings.filter(settings.keep);
    const found = this.env.previous.find(uri, report);
    if (found) findings = [...findings, ...carryOverFindings(report, found.previous, settings.options.rules, settings.options.locale).filter(settings.keep)];
    const values = reportValues(report);
    const entry: WorkspaceReport = {
      ...base, body: values.body, year: values.year, version: values.version,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      status: isReport ? 'report' : 'not-report',
    };
    if (open) {
      this.set(entry, null);
    } else {
      const document = TextDocument.create(uri, 'xxgk-report', 0, text);
      this.set(entry, findings.map((f) => toDiagnostic(document, f, this.env.docsHref)));
    }
  }

  /** Record an entry; publish its diagnostics (null: an open document, whose diagnostics are pulled). */
  private set(entry: WorkspaceReport, diagnostics: Diagnostic[] | null): void {
    const before = this.reports.get(entry.uri);
    this.reports.set(entry.uri, entry);
    if (diagnostics !== null && (diagnostics.length > 0 || this.pushed.has(entry.uri))) {
      this.env.publish(entry.uri, diagnostics);
      if (diagnostics.length > 0) this.pushed.add(entry.uri);
      else this.pushed.delete(entry.uri);
    }
    if (!before || JSON.stringify(before) !== JSON.stringify(entry)) this.env.changed(entry.uri, entry);
  }

  private remove(uri: string): void {
    this.reports.delete(uri);
    if (this.pushed.delete(uri)) this.env.publish(uri, []);
    this.env.changed(uri, null);
  }

  /** A file was created, changed or deleted on disk: check it again (queued, one per turn). */
  fileChanged(uri: string, deleted: boolean): void {
    if (!this.active || !uri.startsWith('file:')) return;
    if (deleted) {
      if (this.reports.has(uri)) this.remove(uri);
      return;
    }
    this.queue.add(uri);
    void this.drain();
  }

  /** Settings or a config file changed: every file of the check is checked again (queued, one per turn). */
  configurationChanged(): void {
    if (!this.active) return;
    for (const uri of this.reports.keys()) this.queue.add(uri);
    void this.drain();
  }

  /** A document was opened: its diagnostics are pulled from now on, so the pushed ones go. */
  opened(uri: string): void {
    if (this.pushed.delete(uri)) this.env.publish(uri, []);
  }

  /** A document was closed: a file of the workspace check gets its findings pushed again, from disk. */
  closed(uri: string): void {
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
        const byGlob = globs.some((g) => matchesGlob(toPosix(relative(folder, abs)), g));
        if (!byGlob && !/\.txt$/i.test(abs)) continue;
        try {
          await this.checkFile(abs, folder, byGlob);
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
