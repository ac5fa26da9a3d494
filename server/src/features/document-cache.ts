/**
 * Parse once per version (issue 4): `{report, findings}` cached by (uri, version, settings). A newer version
 * or other settings replace the entry; closing the document evicts it. The engine never runs for a version
 * the editor no longer has: callers pass the current document.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, type CheckResult, type Finding, type Report } from '../engine';
import type { CheckSettings } from './settings';

export interface CheckedDocument {
  readonly uri: string;
  readonly version: number;
  readonly settingsKey: string;
  readonly report: Report;
  /** The findings shown: suppressed ones already left out. */
  readonly findings: readonly Finding[];
  readonly configFile: string | null;
}

export type CheckFunction = (text: string, options: Parameters<typeof check>[1]) => CheckResult;

/** Told of every engine run: which version, how long, whether it finished. */
export type RunObserver = (uri: string, version: number, ms: number, cancelled: boolean) => void;

export class DocumentCache {
  private readonly entries = new Map<string, CheckedDocument>();
  constructor(private readonly observe: RunObserver = () => undefined, private readonly run: CheckFunction = check) {}

  /** The entry for this exact version and settings, if it is cached. */
  peek(uri: string, version: number, settingsKey?: string): CheckedDocument | undefined {
    const e = this.entries.get(uri);
    return e && e.version === version && (settingsKey === undefined || e.settingsKey === settingsKey) ? e : undefined;
  }

  /** The checked document, running the engine only on a miss; undefined when cancelled midway (nothing cached). */
  checked(document: TextDocument, settings: CheckSettings, isCancelled: () => boolean): CheckedDocument | undefined {
    const hit = this.peek(document.uri, document.version, settings.key);
    if (hit) return hit;
    const started = performance.now();
    const result = this.run(document.getText(), { ...settings.options, isCancelled });
    this.observe(document.uri, document.version, performance.now() - started, result.cancelled);
    if (result.cancelled) return undefined;
    const entry: CheckedDocument = {
      uri: document.uri,
      version: document.version,
      settingsKey: settings.key,
      report: result.report,
      findings: result.findings.filter(settings.keep),
      configFile: settings.configFile,
    };
    this.entries.set(document.uri, entry);
    return entry;
  }

  evict(uri: string): void {
    this.entries.delete(uri);
  }
}
