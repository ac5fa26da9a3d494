/**
 * Configuration for the CLI: `--config PATH`, or the nearest `.xxgkrc.json` upward from each file (cached per
 * folder), validated by the same zod schema as the editor's. A bad file is a configuration error (exit 2).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { ConfigFiles } from '../config/lookup';
import { DEFAULT_CONFIG, describeProblems, parseConfigText, type Config, type ConfigLocale } from '../config/schema';
import { isSuppressed as suppressedBy, type ScopedSuppression } from '../config/suppress';
import type { Finding } from '../engine';

export class ConfigError extends Error {}

export interface LoadedConfig {
  /** The file read, or null for the defaults. */
  readonly path: string | null;
  /** The folder the config's globs and suppressions are relative to. */
  readonly dir: string;
  readonly config: Config;
  /** The config's `ignore` entries, relative to its folder. */
  readonly suppressions: readonly ScopedSuppression[];
}

function load(path: string, locale: ConfigLocale): LoadedConfig {
  const en = locale === 'en';
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConfigError(en ? `cannot read config ${path}: ${detail}` : `无法读取配置文件 ${path}：${detail}`);
  }
  const r = parseConfigText(text, locale);
  if (!r.ok) throw new ConfigError(en ? `invalid config ${path}: ${describeProblems(r.problems)}` : `配置文件有误 ${path}：${describeProblems(r.problems)}`);
  const dir = dirname(path);
  return { path, dir, config: r.config, suppressions: r.config.ignore.map((entry) => ({ entry, base: dir })) };
}

/** Finds and caches configs; `configFor` throws a ConfigError for a bad file. */
export class ConfigResolver {
  private readonly explicit: LoadedConfig | undefined;
  /** A config file found is loaded (a bad one throws); no file, no config. */
  private readonly files = new ConfigFiles<LoadedConfig>((path) => (
    existsSync(path) && statSync(path).isFile() ? load(path, this.locale) : undefined
  ));
  private readonly defaults: LoadedConfig;

  /** `locale`: the language of the messages about a bad config file. */
  constructor(explicitPath: string | undefined, cwd: string, private readonly locale: ConfigLocale = 'zh-CN') {
    this.defaults = { path: null, dir: cwd, config: DEFAULT_CONFIG, suppressions: [] };
    if (explicitPath !== undefined) {
      const abs = resolve(cwd, explicitPath);
      if (!existsSync(abs) || !statSync(abs).isFile()) throw new ConfigError(locale === 'en' ? `config file not found: ${explicitPath}` : `找不到配置文件：${explicitPath}`);
      this.explicit = load(abs, locale);
    }
  }

  /** The config of a file: --config, else the nearest `.xxgkrc.json` upward, else the defaults. */
  configFor(absPath: string): LoadedConfig {
    return this.explicit ?? this.files.nearest(dirname(absPath)) ?? this.defaults;
  }
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Whether the config's `ignore` entries silence this finding: the editor's rule (paths relative to the config). */
export function isSuppressed(finding: Finding, absPath: string, loaded: LoadedConfig): boolean {
  return loaded.suppressions.length > 0 && suppressedBy(finding, { path: absPath, name: absPath }, loaded.suppressions);
}
