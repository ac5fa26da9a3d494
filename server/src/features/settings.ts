/**
 * From a resolved configuration to what one check needs: the engine's options, the filter of
 * suppressed findings, and a key telling two configurations apart in the document cache.
 */
import type { CheckOptions, Finding } from '../engine';
import type { Locale } from '../messages';
import type { ResolvedConfig } from '../config/resolve';
import { isSuppressed } from '../config/suppress';

export interface CheckSettings {
  /** Equal keys give equal findings for equal text. */
  readonly key: string;
  readonly options: Omit<CheckOptions, 'isCancelled'>;
  /** False for a finding silenced by an `ignore` entry. */
  readonly keep: (finding: Finding) => boolean;
  readonly configFile: string | null;
}

export function checkSettingsOf(resolved: ResolvedConfig, locale: Locale): CheckSettings {
  const { config, ignore, subject } = resolved;
  const options = { version: config.version, rules: config.rules, locale };
  const key = JSON.stringify([options, ignore, subject]);
  return {
    key,
    options,
    keep: ignore.length === 0 ? () => true : (f) => !isSuppressed(f, subject, ignore),
    configFile: resolved.configFile,
  };
}
