/**
 * One zod schema for every outside input: the editor's settings, `.xxgkrc.json` and CLI flags.
 * Bad input gets a message naming the key, in Chinese (English for the en locale) with "did you mean" for
 * an unknown key or rule code; it never throws past `parseConfig`.
 */
import * as z from 'zod/v4';
import { canonicalCode, CLI_CODES } from '../files/codes';
import { RULES } from '../engine';
import { errorMapOf, problemsOf, unknownIn, type ConfigLocale } from './zod-messages';

export type { ConfigLocale } from './zod-messages';

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'hint', 'off'] as const;
export const severitySetting = z.enum(SEVERITY_SETTINGS);
export const versionSetting = z.enum(['auto', '2019', '2021']);

export const DEFAULT_FILE_GLOBS = ['**/*年度报告*.txt', '**/*年报*.txt'];

/** Engine rules (and aliases) and the file-level codes of the CLI (file-encoding, file-unreadable): what "did you mean" picks from. */
export const KNOWN_CODES: readonly string[] = [...RULES.flatMap((r) => [r.code, ...r.aliases]), ...CLI_CODES.map((c) => c.code)];

export const ruleCode = z.string().refine((code) => canonicalCode(code) !== undefined, unknownIn('规则', 'rule', KNOWN_CODES));

/** What each key means, shown by editors from schemas/xxgkrc.schema.json (generated from this schema). */
const describe = <T extends z.ZodType>(schema: T, zh: string, en: string): T => schema.describe(`${zh}${en}`);

/** A finding silenced from outside the report: keyed by content (rule, file, row, column), not by line. */
export const suppressionSchema = z.object({
  rule: describe(ruleCode, '规则代码。', 'The rule code.'),
  file: describe(z.string().min(1), '报告的路径或通配符，相对于本文件所在文件夹。', 'The report, as a path or glob relative to this file.'),
  row: describe(z.string(), '单元格所在行的编号（可选）。', 'The row id of the cell (optional).').optional(),
  column: describe(z.string(), '单元格所在列的编号（可选）。', 'The column id of the cell (optional).').optional(),
}).strict();

export const configSchema = z.object({
  // Editors point this at schemas/xxgkrc.schema.json for completion; the checker has no use for it.
  $schema: describe(z.string(), '本文件的 JSON Schema（编辑器用于补全与校验）。', 'The JSON Schema of this file (for editor completion and validation).').optional(),
  version: describe(versionSetting.default('auto'), '期望的格式版本：auto 按表格识别并与报告年度核对；2019 或 2021 强制使用。', 'The format version: auto reads it from the tables and checks it against the year; 2019 or 2021 forces one.'),
  rules: describe(z.record(ruleCode, severitySetting).default({}), '按规则代码设置级别：error、warning、info、hint 或 off。', 'Severity per rule code: error, warning, info, hint or off.'),
  files: describe(z.array(z.string().min(1)).default(DEFAULT_FILE_GLOBS), '哪些纯文本文件是年度报告（通配符，与 VS Code 相同：* ? ** [0-9] [!0-9] {a,b}，以 ! 开头的排除此前匹配的文件；相对于本文件所在文件夹）。', 'Glob patterns of plain-text files that are annual reports (VS Code\'s globs: * ? ** [0-9] [!0-9] {a,b}, and one starting with ! takes back what the ones before matched; relative to this file).'),
  inlayHints: describe(z.boolean().default(true), '在逐格成行的表格中的数字前显示列名。', 'Show the column name before the numbers of a table written one cell per line.'),
  ignore: describe(z.array(suppressionSchema).default([]), '忽略的发现，按内容而非行号定位。', 'Findings to ignore, keyed by content rather than line.'),
  /** The comparison with last year: a change of more than this many per cent is a large swing. */
  compareThreshold: describe(z.number().min(0).default(50), '与上一年度报告对比时，变化超过此百分比的单元格标为大幅变化。', 'With the comparison with last year\'s report, cells that changed by more than this percentage are marked as large swings.'),
}).strict();

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type Suppression = z.infer<typeof suppressionSchema>;

export const DEFAULT_CONFIG: Config = configSchema.parse({});

export interface ConfigProblem {
  /** Dotted path of the bad key (`rules.row-totl`), or '' for the whole value. */
  readonly path: string;
  readonly message: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

export function parseConfig(input: unknown, locale: ConfigLocale = 'zh-CN'): ConfigResult {
  const r = configSchema.safeParse(input ?? {}, { error: errorMapOf(locale) });
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, problems: problemsOf(r.error) };
}

/** The problem of a text that is not JSON at all. */
export function invalidJson(error: unknown, locale: ConfigLocale): ConfigProblem {
  const detail = error instanceof Error ? error.message : String(error);
  return { path: '', message: locale === 'en' ? `invalid JSON: ${detail}` : `不是有效的 JSON：${detail}` };
}

/** Parse a `.xxgkrc.json` text: JSON errors and schema errors alike become problems. */
export function parseConfigText(text: string, locale: ConfigLocale = 'zh-CN'): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [invalidJson(error, locale)] };
  }
  return parseConfig(json, locale);
}

export function describeProblems(problems: readonly ConfigProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
}
