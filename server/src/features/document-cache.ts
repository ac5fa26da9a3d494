/**
 * Parse once per version: the report is cached by (uri, version, format-version setting), the checked result by
 * every input of the check: (uri, version, settings, last year's report). A newer version or other inputs
 * replace the entry; closing the document evicts it. The engine never runs for a version the editor no longer
 * has: callers pass the current document. Each open document keeps its earlier version in a `CheckCache`, so an
 * edit re-reads only the lines it touched (the result is that of a full check) and last year's report is parsed
 * once, not on every keystroke.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckCache, checkReport, parseReport, type Finding, type Report } from '../engine';
import type { FoundPrevious } from './previous-reports';
import type { CheckSettings } from './settings';

export interface CheckedDocument {
  readonly uri: string;
  readonly version: number;
  readonly settingsKey: string;
  readonly report: Report;
  /** The findings shown: suppressed ones already left out. */
  readonly findings: readonly Finding[];
  readonly configFile: string | null;
  /** The version of last year's report the findings were computed against; '' when none. */
  readonly previousKey: string;
}

/** Finds last year's report once this version's report is read (body and year); see PreviousReports. */
export type PreviousLookup = (report: Report) => FoundPrevious | undefined;

/** Told of every engine run: which version, how long, whether it finished. */
export type RunObserver = (uri: string, version: number, ms: number, cancelled: boolean) => void;

interface ParsedDocument {
  readonly version: number;
  readonly formatVersion: string;
  readonly report: Report;
}

export class DocumentCache {
  private readonly entries = new Map<string, CheckedDocument>();
  /** The parsed report of a version: last year's report is looked up from it, before the rules run. */
  private readonly parsed = new Map<string, ParsedDocument>();
  /** Each open document's earlier version, for incremental checks. */
  private readonly caches = new Map<string, CheckCache>();
  constructor(private readonly observe: RunObserver = () => undefined) {}

  /** The entry for this exact version and settings, if it is cached. */
  peek(uri: string, version: number, settingsKey?: string): CheckedDocument | undefined {
    const e = this.entries.get(uri);
    return e && e.version === version && (settingsKey === undefined || e.settingsKey === settingsKey) ? e : undefined;
  }

  /**
   * The checked document, running the engine only when an input changed; undefined when cancelled midway
   * (nothing cached). `previousFor` gives last year's report, whose version is part of the entry's key.
   */
  checked(
    document: TextDocument, settings: CheckSettings, isCancelled: () => boolean, previousFor?: PreviousLookup,
  ): CheckedDocument | undefined {
    const started = performance.now();
    const report = this.reportOf(document, settings);
    const found = previousFor?.(report);
    const previousKey = found?.key ?? '';
    const hit = this.peek(document.uri, document.version, settings.key);
    if (hit && hit.previousKey === previousKey) return hit;
    const result = checkReport(report, { ...settings.options, isCancelled, previous: found?.previous, cache: this.cacheOf(document.uri) });
    this.observe(document.uri, document.version, performance.now() - started, result.cancelled);
    if (result.cancelled) return undefined;
    const entry: CheckedDocument = {
      uri: document.uri,
      version: document.version,
      settingsKey: settings.key,
      report,
      findings: result.findings.filter(settings.keep),
      configFile: settings.configFile,
      previousKey,
    };
    this.entries.set(document.uri, entry);
    return entry;
  }

  private reportOf(document: TextDocument, settings: CheckSettings): Report {
    const formatVersion = settings.options.version ?? 'auto';
    const p = this.parsed.get(document.uri);
    if (p && p.version === document.version && p.formatVersion === formatVersion) return p.report;
    const report = parseReport(document.getText(), { version: settings.options.version, cache: this.cacheOf(document.uri) });
    this.parsed.set(document.uri, { version: document.version, formatVersion, report });
    return report;
  }

  private cacheOf(uri: string): CheckCache {
    let cache = this.caches.get(uri);
    if (!cache) {
      cache = new CheckCache();
      this.caches.set(uri, cache);
    }
    return cache;
  }

  /** The document changed: its cached check and parse are dropped, its earlier version kept. */
  changed(uri: string): void {
    this.entries.delete(uri);
    this.parsed.delete(uri);
  }

  /** The document closed: everything of it is dropped. */
  close(uri: string): void {
    this.changed(uri);
    this.caches.delete(uri);
  }
}
