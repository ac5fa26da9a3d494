/**
 * One zod schema for every outside input: the editor's settings, `.xxgkrc.json` and CLI flags.
 * Bad input gets a message naming the key; it never throws past `parseConfig`.
 */
import { z } from 'zod';
import { canonicalCode } from '../files/codes';

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'hint', 'off'] as const;
export const severitySetting = z.enum(SEVERITY_SETTINGS);
export const versionSetting = z.enum(['auto', '2019', '2021']);

export const DEFAULT_FILE_GLOBS = ['**/*年度报告*.txt', '**/*年报*.txt'];

// Engine rules (and aliases) and the file-level codes of the CLI (file-encoding, file-unreadable).
const ruleCode = z.string().refine((code) => canonicalCode(code) !== undefined, (code) => ({ message: `未知的规则「${code}」(unknown rule)` }));

/** A finding silenced from outside the report: keyed by content (rule, file, row, column), not by line. */
export const suppressionSchema = z.object({
  rule: ruleCode,
  file: z.string().min(1),
  row: z.string().optional(),
  column: z.string().optional(),
}).strict();

export const configSchema = z.object({
  // Editors point this at schemas/xxgkrc.schema.json for completion; the checker has no use for it.
  $schema: z.string().optional(),
  version: versionSetting.default('auto'),
  rules: z.record(ruleCode, severitySetting).default({}),
  files: z.array(z.string().min(1)).default(DEFAULT_FILE_GLOBS),
  inlayHints: z.boolean().default(true),
  ignore: z.array(suppressionSchema).default([]),
  /** The comparison with last year: a change of more than this many per cent is a large swing. */
  compareThreshold: z.number().finite().min(0).default(50),
}).strict();

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type Suppression = z.infer<typeof suppressionSchema>;

export const DEFAULT_CONFIG: Config = configSchema.parse({});

export interface ConfigProblem {
  /** Dotted path of the bad key (`rules.row-totl`), or '' for the whole value. */
  readonly path: string;
  readonly message: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

export function parseConfig(input: unknown): ConfigResult {
  const r = configSchema.safeParse(input ?? {});
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

/** Parse a `.xxgkrc.json` text: JSON errors and schema errors alike become problems. */
export function parseConfigText(text: string): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `不是有效的 JSON (invalid JSON): ${error instanceof Error ? error.message : String(error)}` }] };
  }
  return parseConfig(json);
}

export function describeProblems(problems: readonly ConfigProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
}
