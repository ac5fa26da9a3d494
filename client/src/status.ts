/**
 * The language status item of report documents: the format version and the year the
 * server read, the error and warning counts, the configuration file in use and a link to the `xxgk` settings;
 * a stopped server shows here too. Never a pop-up.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, REPORT_INFO_METHOD, SETTINGS_SECTION, type ReportInfoParams, type ReportInfoResult } from '../../server/src/protocol';

export class ReportStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('xxgk.report', { language: LANGUAGE_ID });
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Bumped by each update, so that a late answer never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = vscode.l10n.t('Annual report');
    this.item.command = { title: vscode.l10n.t('Settings'), tooltip: vscode.l10n.t('Open the settings of the annual report checker'), command: 'workbench.action.openSettings', arguments: [SETTINGS_SECTION] };
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) void this.update();
      }),
    );
    void this.update();
  }

  /** The server has (re)started: show the active report's state. */
  refresh(): void {
    void this.update();
  }

  stopped(): void {
    this.item.busy = false;
    this.item.severity = vscode.LanguageStatusSeverity.Error;
    this.item.text = vscode.l10n.t('Checker stopped');
    this.item.detail = vscode.l10n.t('The xxgk-report language server stopped; run “xxgk-report: Restart the Language Server” to start it again. See its output for details.');
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID || !this.client.isRunning()) return;
    const generation = ++this.generation;
    this.item.busy = true;
    let info: ReportInfoResult = null;
    try {
      const params: ReportInfoParams = { uri: document.uri.toString() };
      info = await this.client.sendRequest<ReportInfoResult>(REPORT_INFO_METHOD, params);
    } catch {
      info = null;
    }
    if (generation !== this.generation) return;
    this.item.busy = false;
    if (!info) {
      this.item.text = vscode.l10n.t('Annual report');
      this.item.detail = undefined;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const { formatVersion, year, counts, configFile } = info;
    const version = vscode.l10n.t('{0} format', formatVersion.observed === 'mixed' ? vscode.l10n.t('mixed') : formatVersion.observed ?? formatVersion.used);
    this.item.text = year === null ? `${version} · ${vscode.l10n.t('year not found')}` : `${version} · ${vscode.l10n.t('report for {0}', year)}`;
    this.item.detail = [
      vscode.l10n.t('{0} errors, {1} warnings, {2} notes', counts.error, counts.warning, counts.info + counts.hint),
      configFile ? vscode.l10n.t('config: {0}', vscode.workspace.asRelativePath(configFile)) : vscode.l10n.t('config: settings only'),
    ].join(' · ');
    const mismatch = formatVersion.expected !== null && formatVersion.observed !== null
      && formatVersion.observed !== formatVersion.expected;
    this.item.severity = mismatch ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
