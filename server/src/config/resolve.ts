/**
 * Which configuration applies to a document: defaults < user/workspace settings (section `xxgk`,
 * per resource) < the nearest `.xxgkrc.json` walking up from the file's folder (untitled documents: the
 * first workspace folder's). Every layer is validated with the one zod schema; a bad settings value falls
 * back to its default, a bad config file is skipped whole, each with one message in the log and never a
 * pop-up. Results are cached per URI until `invalidate()` (a settings or config file change).
 */
import { dirname, isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema, DEFAULT_CONFIG, describeProblems, invalidJson, type Config, type ConfigLocale, type ConfigProblem } from './schema';
import * as z from 'zod/v4';
import { errorMapOf, problemsOf } from './zod-messages';
import { ConfigFiles } from './lookup';
import type { ScopedSuppression, SuppressionSubject } from './suppress';

export { CONFIG_FILE_NAME } from './lookup';

/** The settings keys read from the editor's `xxgk` section; other keys there belong to the client. */
const SETTINGS_KEYS = ['version', 'rules', 'files', 'inlayHints', 'ignore', 'compareThreshold'] as const satisfies readonly (keyof Config)[];

type Layer = Partial<Config>;

export interface ResolvedConfig {
  readonly config: Config;
  /** Suppressions of every layer, each with the folder its paths are relative to. */
  readonly ignore: readonly ScopedSuppression[];
  /** The `.xxgkrc.json` in use, if any (a bad one is not in use). */
  readonly configFile: string | null;
  /** The document as suppressions see it. */
  readonly subject: SuppressionSubject;
}

export interface ConfigEnvironment {
  /** The editor's `xxgk` settings for a resource (`workspace/configuration`), or undefined when unsupported. */
  fetchSettings(uri: string): Promise<unknown>;
  /** A file's text, or undefined when there is none. */
  readFile(path: string): string | undefined;
  /** The file-system paths of the workspace folders, first folder first. */
  workspaceFolders(): readonly string[];
  /** False while the workspace is untrusted no `.xxgkrc.json` is read then; settings still apply. Default: trusted. */
  trusted?(): boolean;
  log(message: string): void;
}

export interface ConfigMessages {
  /** The language of the problems' words (default: Chinese). */
  readonly locale?: ConfigLocale;
  badSettings(problems: string): string;
  badFile(path: string, problems: string): string;
}

interface FileLayer {
  readonly path: string;
  readonly layer: Layer | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates each known settings key on its own: a bad key falls back to its default, the others still apply. */
export function settingsLayer(value: unknown, locale: ConfigLocale = 'zh-CN'): { layer: Layer; problems: ConfigProblem[] } {
  const layer: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  const error = errorMapOf(locale);
  if (value === undefined || value === null) return { layer: {}, problems };
  if (!isRecord(value)) {
    const got = JSON.stringify(value);
    return { layer: {}, problems: [{ path: '', message: locale === 'en' ? `expected an object, got ${got}` : `应为对象，实为 ${got}` }] };
  }
  for (const key of SETTINGS_KEYS) {
    if (value[key] === undefined || value[key] === null) continue;
    if (key === 'rules' && isRecord(value.rules)) {
      // Rule by rule: one bad severity falls back to that rule's default, the other rules still apply.
      const rules: Record<string, unknown> = {};
      for (const [code, severity] of Object.entries(value.rules)) {
        const r = configSchema.shape.rules.safeParse({ [code]: severity }, { error });
        if (r.success) Object.assign(rules, r.data);
        else problems.push(...problemsOf(r.error, ['xxgk', key]));
      }
      layer.rules = rules;
      continue;
    }
    const r = configSchema.shape[key].safeParse(value[key], { error });
    if (r.success) layer[key] = r.data;
    else problems.push(...problemsOf(r.error, ['xxgk', key]));
  }
  return { layer: layer, problems };
}

/** The config schema with every key optional and no defaults: a file's layer holds only the keys it sets. */
const fileLayerSchema = z.object(Object.fromEntries(Object.entries(configSchema.shape).map(([key, field]) => {
  const bare: z.ZodType = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
  return [key, bare.optional()];
}))).strict();

/** A `.xxgkrc.json` text: all of it or nothing (invalid JSON or any schema problem). */
export function fileLayer(text: string, locale: ConfigLocale = 'zh-CN'): { layer: Layer | null; problems: ConfigProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { layer: null, problems: [invalidJson(error, locale)] };
  }
  const r = fileLayerSchema.safeParse(json, { error: errorMapOf(locale) });
  if (!r.success) return { layer: null, problems: problemsOf(r.error) };
  const layer: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.data)) if (v !== undefined) layer[k] = v;
  return { layer: layer, problems: [] };
}

/** Later layers win key by key; `rules` merge code by code. */
export function mergeLayers(layers: readonly Layer[]): Config {
  let config: Config = DEFAULT_CONFIG;
  for (const l of layers) {
    config = {
      version: l.version ?? config.version,
      rules: { ...config.rules, ...(l.rules ?? {}) },
      files: l.files ?? config.files,
      inlayHints: l.inlayHints ?? config.inlayHints,
      ignore: [...config.ignore, ...(l.ignore ?? [])],
      compareThreshold: l.compareThreshold ?? config.compareThreshold,
    };
  }
  return config;
}

function pathOfUri(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** An untitled document's name (`untitled:Untitled-1` → `Untitled-1`), for `ignore[].file`. */
function nameOfUri(uri: string): string {
  const rest = uri.replace(/^[a-z][\w+.-]*:/i, '').replace(/^\/+/, '');
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

export class ConfigResolver {
  private readonly byUri = new Map<string, Promise<ResolvedConfig>>();
  private readonly logged = new Set<string>();
  private readonly files: ConfigFiles<FileLayer>;

  constructor(private readonly env: ConfigEnvironment, private readonly messages: ConfigMessages) {
    this.files = new ConfigFiles((path) => this.readLayer(path));
  }

  resolve(uri: string): Promise<ResolvedConfig> {
    let hit = this.byUri.get(uri);
    if (!hit) {
      hit = this.compute(uri);
      this.byUri.set(uri, hit);
      // A failed lookup is not cached: the next request tries again.
      const pending = hit;
      pending.catch(() => {
        if (this.byUri.get(uri) === pending) this.byUri.delete(uri);
      });
    }
    return hit;
  }

  /** Settings or a config file changed: forget everything, and log problems again once. */
  invalidate(): void {
    this.byUri.clear();
    this.files.clear();
    this.logged.clear();
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private logOnce(message: string): void {
    if (this.logged.has(message)) return;
    this.logged.add(message);
    this.env.log(message);
  }

  private async compute(uri: string): Promise<ResolvedConfig> {
    const path = pathOfUri(uri);
    const raw = await this.env.fetchSettings(uri);
    const settings = settingsLayer(raw, this.messages.locale);
    if (settings.problems.length) this.logOnce(this.messages.badSettings(describeProblems(settings.problems)));
    const file = this.env.trusted?.() === false ? null : path !== null ? this.files.nearest(dirname(path)) : this.firstFolderFile();
    const folder = this.folderOf(path);
    const layers: Layer[] = [settings.layer];
    const ignore: ScopedSuppression[] = (settings.layer.ignore ?? []).map((entry) => ({ entry, base: folder }));
    if (file?.layer) {
      layers.push({ ...file.layer, ignore: [] });
      ignore.push(...(file.layer.ignore ?? []).map((entry) => ({ entry, base: dirname(file.path) })));
    }
    const config = { ...mergeLayers(layers), ignore: ignore.map((s) => s.entry) };
    const name = path ?? nameOfUri(uri);
    return { config, ignore, configFile: file?.layer ? file.path : null, subject: { path, name } };
  }

  /** The workspace folder holding the path (settings' `ignore` paths are relative to it), or the first folder. */
  private folderOf(path: string | null): string | null {
    const folders = this.env.workspaceFolders();
    if (path !== null) {
      const holding = folders.filter((f) => {
        const rel = relative(f, path);
        return !rel.startsWith('..') && !isAbsolute(rel);
      });
      if (holding.length) return holding.sort((a, b) => b.length - a.length)[0];
    }
    return folders[0] ?? null;
  }

  private firstFolderFile(): FileLayer | null {
    const first = this.env.workspaceFolders()[0];
    return first === undefined ? null : this.files.in(first);
  }

  /** A config file as a layer; a bad one is found (it stops the search upward) but has no layer. */
  private readLayer(path: string): FileLayer | undefined {
    const text = this.env.readFile(path);
    if (text === undefined) return undefined;
    const parsed = fileLayer(text, this.messages.locale);
    if (parsed.problems.length) this.logOnce(this.messages.badFile(path, describeProblems(parsed.problems)));
    return { path, layer: parsed.layer };
  }
}
