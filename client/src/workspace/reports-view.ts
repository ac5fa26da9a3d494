/**
 * The 「年报」 view in the Explorer: one entry per report file of the workspace check, with body, year,
 * format version and error and warning counts; sorted by errors (most first) or by path; a filter for
 * "only reports with errors"; clicking an entry opens the report (a published file: its converted view, at its
 * first finding); files that are no report are listed with an information icon. Fed by the check's answer and by the
 * server's `xxgk/workspaceReport` notifications as files change.
 */
import * as vscode from 'vscode';
import type { WorkspaceReport } from '../../../server/src/protocol';
import { visibleReports, type SortOrder } from './order';
import { OPEN_CONVERTED_COMMAND } from '../convert/converted-reports';

export const REPORTS_VIEW_ID = 'xxgk.reports';
export const SORT_BY_ERRORS_COMMAND = 'xxgk.reports.sortByErrors';
export const SORT_BY_PATH_COMMAND = 'xxgk.reports.sortByPath';
export const ONLY_ERRORS_COMMAND = 'xxgk.reports.onlyErrors';
export const ALL_REPORTS_COMMAND = 'xxgk.reports.all';

export class ReportsView implements vscode.TreeDataProvider<WorkspaceReport>, vscode.Disposable {
  private readonly reports = new Map<string, WorkspaceReport>();
  private sort: SortOrder = 'errors';
  private onlyErrors = false;
  private readonly emitter = new vscode.EventEmitter<WorkspaceReport | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly view: vscode.TreeView<WorkspaceReport>;

  constructor() {
    this.view = vscode.window.createTreeView(REPORTS_VIEW_ID, { treeDataProvider: this, showCollapseAll: false });
    this.subscriptions.push(
      this.view,
      this.emitter,
      vscode.commands.registerCommand(SORT_BY_ERRORS_COMMAND, () => this.setSort('errors')),
      vscode.commands.registerCommand(SORT_BY_PATH_COMMAND, () => this.setSort('path')),
      vscode.commands.registerCommand(ONLY_ERRORS_COMMAND, () => this.setFilter(true)),
      vscode.commands.registerCommand(ALL_REPORTS_COMMAND, () => this.setFilter(false)),
    );
    void vscode.commands.executeCommand('setContext', 'xxgk.reports.sort', this.sort);
    void vscode.commands.executeCommand('setContext', 'xxgk.reports.onlyErrors', this.onlyErrors);
  }

  /** A whole check's answer: replaces the entries of the folders it covered. */
  replace(reports: readonly WorkspaceReport[]): void {
    this.reports.clear();
    for (const r of reports) this.reports.set(r.uri, r);
    this.refresh();
  }

  update(uri: string, report: WorkspaceReport | null): void {
    if (report) this.reports.set(uri, report);
    else this.reports.delete(uri);
    this.refresh();
  }

  private setSort(sort: SortOrder): void {
    this.sort = sort;
    void vscode.commands.executeCommand('setContext', 'xxgk.reports.sort', sort);
    this.refresh();
  }

  private setFilter(onlyErrors: boolean): void {
    this.onlyErrors = onlyErrors;
    void vscode.commands.executeCommand('setContext', 'xxgk.reports.onlyErrors', onlyErrors);
    this.refresh();
  }

  private refresh(): void {
    const shown = visibleReports(this.reports.values(), this.sort, this.onlyErrors);
    const errors = shown.filter((r) => r.errors > 0).length;
    this.view.description = this.reports.size === 0 ? undefined : vscode.l10n.t('{0} reports, {1} with errors', shown.length, errors);
    this.view.message = this.reports.size === 0 ? vscode.l10n.t('Run “Check every annual report in the workspace” to list the reports here.') : undefined;
    this.emitter.fire(undefined);
  }

  getChildren(element?: WorkspaceReport): WorkspaceReport[] {
    return element ? [] : visibleReports(this.reports.values(), this.sort, this.onlyErrors);
  }

  getTreeItem(r: WorkspaceReport): vscode.TreeItem {
    const name = r.body ?? r.path.split('/').pop() ?? r.path;
    const item = new vscode.TreeItem(r.year !== null ? `${name} · ${r.year}` : name, vscode.TreeItemCollapsibleState.None);
    const uri = vscode.Uri.parse(r.uri);
    item.resourceUri = uri;
    item.id = r.uri;
    // A published file: its format (and pages), so the reviewer sees what was converted.
    const source = r.format ? (r.pages !== undefined ? vscode.l10n.t('{0}, {1} pages', r.format.toUpperCase(), r.pages) : r.format.toUpperCase()) : '';
    const lead = source ? `${source} · ` : '';
    if (r.status === 'unreadable') item.description = lead + vscode.l10n.t('cannot be read');
    else if (r.status === 'not-report') item.description = lead + vscode.l10n.t('not an annual report');
    else item.description = `${lead}${r.version ? vscode.l10n.t('{0} format', r.version) : ''} · ${vscode.l10n.t('{0} errors, {1} warnings', r.errors, r.warnings)}`;
    item.tooltip = `${r.path}\n${item.description}`;
    // A file that is no report is listed, not flagged (issue 22): an information icon, not an error.
    const bad = r.status === 'unreadable' || (r.status === 'report' && r.errors > 0);
    item.iconPath = r.status === 'not-report' ? new vscode.ThemeIcon('info') : new vscode.ThemeIcon(
      bad ? 'error' : r.warnings > 0 ? 'warning' : 'pass',
      new vscode.ThemeColor(bad ? 'problemsErrorIcon.foreground' : r.warnings > 0 ? 'problemsWarningIcon.foreground' : 'testing.iconPassed'),
    );
    // A published file opens as its converted view (where its findings are), at its first finding.
    item.command = r.document
      ? { command: OPEN_CONVERTED_COMMAND, title: vscode.l10n.t('Open'), arguments: [uri, vscode.Uri.parse(r.document)] }
      : { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    item.contextValue = 'xxgk.report';
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
