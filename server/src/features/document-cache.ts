/**
 * Parse once per version (issue 4): `{report, findings}` cached by (uri, version, settings). A newer version
 * or other settings replace the entry; closing the document evicts it. The engine never runs for a version
 * the editor no longer has: callers pass the current document.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, type CheckResult, type Finding, type Report } from '../engine';
import { carryOverFindings } from '../engine/carry-over';
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
  /** The version of last year's report the carry-over findings were computed against; '' when none. */
  readonly previousKey: string;
}

/** Finds last year's report once this version's report is read (body and year); see PreviousReports. */
export type PreviousLookup = (report: Report) => FoundPrevious | undefined;

export type CheckFunction = (text: string, options: Parameters<typeof check>[1]) => CheckResult;

/** Told of every engine run: which version, how long, whether it finished. */
export type RunObserver = (uri: string, version: number, ms: number, cancelled: boolean) => void;

export class DocumentCache {
  private readonly entries = new Map<string, CheckedDocument>();
  /** The engine's result for (uri, version, settings) without carry-over findings: reused when only last year's report changed. */
  private readonly base = new Map<string, CheckedDocument>();
  constructor(private readonly observe: RunObserver = () => undefined, private readonly run: CheckFunction = check) {}

  /** The entry for this exact version and settings, if it is cached. */
  peek(uri: string, version: number, settingsKey?: string): CheckedDocument | undefined {
    const e = this.entries.get(uri);
    return e && e.version === version && (settingsKey === undefined || e.settingsKey === settingsKey) ? e : undefined;
  }

  /**
   * The checked document, running the engine only on a miss; undefined when cancelled midway (nothing cached).
   * With `previousFor`, the carry-over findings against last year's report are added (the same findings
   * `check(text, { previous })` appends), and the entry is keyed by that report's version as well.
   */
  checked(document: TextDocument, settings: CheckSettings, isCancelled: () => boolean, previousFor?: PreviousLookup): CheckedDocument | undefined {
    let base = this.base.get(document.uri);
    if (!base || base.version !== document.version || base.settingsKey !== settings.key) {
      const started = performance.now();
      const result = this.run(document.getText(), { ...settings.options, isCancelled });
      this.observe(document.uri, document.version, performance.now() - started, result.cancelled);
      if (result.cancelled) return undefined;
      base = {
        uri: document.uri,
        version: document.version,
        settingsKey: settings.key,
        report: result.report,
        findings: result.findings.filter(settings.keep),
        configFile: settings.configFile,
        previousKey: '',
      };
      this.base.set(document.uri, base);
    }
    const found = previousFor?.(base.report);
    const previousKey = found?.key ?? '';
    const hit = this.peek(document.uri, document.version, settings.key);
    if (hit && hit.previousKey === previousKey) return hit;
    let entry = base;
    if (found) {
      const extra = carryOverFindings(base.report, found.previous, settings.options.rules, settings.options.locale).filter(settings.keep);
      if (extra.length > 0) {
        const findings = [...base.findings, ...extra]
          .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
        entry = { ...base, findings, previousKey };
      } else {
        entry = { ...base, previousKey };
      }
    }
    this.entries.set(document.uri, entry);
    return entry;
  }

  evict(uri: string): void {
    this.entries.delete(uri);
    this.base.delete(uri);
  }
}
