/** Command-line arguments: a small tokenizer, then one zod schema for every flag. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/v4';
import { closestMatches } from '../config/did-you-mean';
import { KNOWN_CODES, severitySetting, versionSetting, type ConfigLocale } from '../config/schema';
import { errorMapOf, problemsOf, says, unknownIn } from '../config/zod-messages';
import type { SeveritySetting } from '../engine';
import { canonicalCode } from '../files/codes';
import { DEFAULT_FORMAT, FORMAT_NAMES, type FormatName } from './formats';
import { defaultJobs } from './jobs-count';

/** More threads than this only cost memory. */
const MAX_JOBS = 256;

export const HELP = `用法 / Usage: xxgk-check [选项 options] <文件、文件夹或通配符 files, folders or globs>...

检查政府信息公开工作年度报告（纯文本）的结构与表格数字。
Checks the structure and table arithmetic of government information-disclosure annual reports (plain text).
也可直接检查发布的文件：PDF、Word（.docx）、网页（.html、.htm），结果附页码或单元格位置。
Published files are read too: PDF, Word (.docx) and web pages (.html, .htm), with the page or cell of each finding.

文件夹会递归查找报告：符合配置 files 通配符（默认 **/*年度报告*.txt、**/*年报*.txt）的文件，
以及开头像年度报告（标题含“政府信息公开”和“报告”，或有“一、总体情况”等标题）的 *.txt 文件。
Folders are searched recursively for reports: files matching the config's \`files\` globs (default
**/*年度报告*.txt, **/*年报*.txt) and *.txt files whose opening lines read as an annual report.

  ${`--format ${FORMAT_NAMES.join('|')}`.padEnd(32)}  输出格式 / output format (default: ${DEFAULT_FORMAT})；
                                    github：GitHub Actions 注释 / GitHub Actions annotations；
                                    compact：每个问题一行「路径:行:列: 级别 规则: 说明」，供 VS Code 任务的 $xxgk-check
                                    compact: one line per finding, path:line:column: severity code: message
                                    (what the $xxgk-check problem matcher of a VS Code task reads)；
                                    csv：每份报告一行、三张表每个单元格一列（UTF-8 BOM，首行中文表头、次行稳定列名）；
                                    xlsx：同样的数据，每张表一个工作表，另有问题工作表（须配合 -o 或管道）；
                                    html：仅用于 --compare，一个可直接发送的独立网页
                                    csv: one row per report, one column per table cell (UTF-8 BOM, Chinese header
                                    line, then stable column ids); xlsx: the same, a sheet per table plus findings
                                    (needs -o or a pipe); html: --compare only, a self-contained page
  --format-version auto|2019|2021   强制格式版本 / force the format version (default: config, else auto)
                                    （旧写法 --version 2019 仍可用 / the former --version 2019 still works）
  -o, --output FILE                 把结果写入文件而不是标准输出 / write the output to FILE instead of stdout
  --sarif FILE                      同一次检查另把 SARIF 日志写入 FILE（如 --format github --sarif r.sarif）
                                    also write the SARIF log of the same run to FILE
                                    (e.g. --format github --sarif r.sarif: annotations and code scanning at once)
  -                                 从标准输入读取一份报告 / read one report from standard input
  --stdin-filename NAME             标准输入的文件名：用于输出、查找配置和 --ignore
                                    the name of standard input: shown in the output, and its config and
                                    --ignore are looked up as for that file
  --compare                         与上一年度对比：给出两个文件，先去年、后今年（格式 text、json 或 html）
                                    compare this year with last year: two files, last year's first
                                    (format text, json or html); see docs/compare.md
  --threshold N                     对比时变化超过 N% 的单元格标为大幅变化（默认 50）
                                    with --compare: mark cells that changed by more than N % (default 50)
  --locale zh-CN|en                 消息语言（含用法和配置错误）/ message language, usage and config errors too
                                    (default: zh-CN)
  --color, --no-color               强制使用或不用颜色（默认：终端中使用，遵从 NO_COLOR、FORCE_COLOR）
                                    force colour on or off (default: on in a terminal; NO_COLOR, FORCE_COLOR)
  --config PATH                     使用此 .xxgkrc.json（默认：每个文件向上最近的 .xxgkrc.json）
                                    use this .xxgkrc.json (default: the nearest one upward from each file)
  --rule CODE=off|error|warning|info|hint
                                    设置规则级别，可重复 / set a rule's severity (repeatable)
  --ignore GLOB                     跳过匹配的文件或文件夹，可重复；通配符与 VS Code 相同：* ? ** {a,b} [0-9] [!0-9]，
                                    以 ! 开头则取回此前排除的文件
                                    skip matching files and folders (repeatable); VS Code's globs: * ? ** {a,b}
                                    [0-9] [!0-9], and a glob starting with ! takes back what the ones before skipped
  --previous FILE                   上一年度的报告，用于核对“上年结转”（每个被检查的文件都与它比较）；
                                    不给时，同一次检查的文件中同一机关上一年度的报告自动配对
                                    last year's report, for the carry-over check of every file checked;
                                    without it, files checked together pair with the same body's year before
  --max-warnings N                  警告超过 N 个时退出码为 1 / exit 1 when there are more than N warnings
  --quiet                           只报告错误，其他发现不显示、不计数、不修复
                                    errors only: other findings are neither shown, counted nor fixed
  --fix                             应用安全修复（不含建议）并写回文件，保留编码、BOM 和换行符
                                    apply safe fixes (never suggestions) and write the files back,
                                    keeping their encoding, BOM and line endings
  --fix-dry-run                     以统一 diff 格式输出安全修复（代替检查结果），不写文件
                                    print the safe fixes as a unified diff (instead of the findings);
                                    write nothing
                                    两者的退出码都按修复后的内容计算 / both exit as the fixed files would
  --emit-text DIR                   把由 PDF、Word（.docx）或网页（.html）转换得到的文本写入此文件夹（<文件名>.txt）
                                    write the text converted from each PDF, .docx or .html file to DIR
  --jobs N                          最多用 N 个线程并行检查文件（默认：CPU 核数，两核及以下为 1），
                                    输出与 --jobs 1 完全相同
                                    check files in up to N threads (default: the number of cores, 1 on
                                    one or two cores); the output is the same as with --jobs 1
  -h, --help                        显示帮助 / show this help
  -v, --version                     显示版本 / show the version

退出码 / Exit codes:
  0  无错误且警告未超过上限 / no errors, warnings within --max-warnings
  1  有错误或警告超过上限 / errors, or more warnings than --max-warnings
  2  用法或配置错误、路径无法读取 / usage or configuration error, unreadable path argument`;

export { UsageError } from './usage-error';
import { UsageError } from './usage-error';

type OptionKind = { readonly kind: 'value' | 'flag'; readonly repeatable?: boolean };

const OPTIONS: Readonly<Record<string, OptionKind>> = {
  format: { kind: 'value' },
  version: { kind: 'value' },
  locale: { kind: 'value' },
  config: { kind: 'value' },
  rule: { kind: 'value', repeatable: true },
  ignore: { kind: 'value', repeatable: true },
  'max-warnings': { kind: 'value' },
  previous: { kind: 'value' },
  'emit-text': { kind: 'value' },
  quiet: { kind: 'flag' },
  fix: { kind: 'flag' },
  'fix-dry-run': { kind: 'flag' },
  'format-version': { kind: 'value' },
  output: { kind: 'value' },
  sarif: { kind: 'value' },
  compare: { kind: 'flag' },
  threshold: { kind: 'value' },
  jobs: { kind: 'value' },
  color: { kind: 'flag' },
  'no-color': { kind: 'flag' },
  'stdin-filename': { kind: 'value' },
};

/** The path argument that means standard input. */
export const STDIN = '-';

/** Short options and the long ones they stand for. */
const SHORT: Readonly<Record<string, string>> = { '-o': '--output' };

/** Every spelling of an option, for "did you mean". */
const SPELLINGS: readonly string[] = [...Object.keys(OPTIONS).map((o) => `--${o}`), '--help', '-h', '-v', ...Object.keys(SHORT)];

/**
 * `--version` alone prints the tool's version (the convention of eslint, markdownlint-cli2…). Followed by what
 * reads as a report format (`2019`, `auto`, any four digits so that a typo is still an error), it is the former
 * spelling of `--format-version`, kept because scripts use it.
 */
const FORMAT_VERSION_LIKE = /^(?:auto|\d{4})$/;

export type CliLocale = ConfigLocale;

/** Chinese, or English for the en locale. */
const say = (locale: CliLocale, zh: string, en: string): string => (locale === 'en' ? en : zh);

export function versionDeprecation(locale: CliLocale): string {
  return say(locale, '--version 2019|2021|auto 已改名为 --format-version，旧写法以后可能移除', '--version with a format is deprecated: use --format-version');
}

/** The language of the messages, read before the arguments are checked, so that their errors are worded in it. */
export function localeOfArgs(argv: readonly string[]): CliLocale {
  let locale: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === '--locale') locale = argv[i + 1];
    else if (argv[i].startsWith('--locale=')) locale = argv[i].slice('--locale='.length);
  }
  return locale === 'en' ? 'en' : 'zh-CN';
}

/** A custom issue worded here, for a transform's ctx. */
function issue(value: string, zh: string, en: string): z.core.$ZodRawIssue {
  return { code: 'custom', input: value, ...says(zh, en) };
}

const ruleFlag = z.string().transform((value, ctx): [string, SeveritySetting] => {
  const m = /^([^=]+)=(.*)$/.exec(value);
  if (!m) {
    ctx.issues.push(issue(value, `应为 CODE=级别（off、error、warning、info 或 hint），实为「${value}」`, `expected CODE=off|error|warning|info|hint, got "${value}"`));
    return z.NEVER;
  }
  const code = canonicalCode(m[1].trim());
  if (!code) {
    ctx.issues.push({ code: 'custom', input: m[1].trim(), ...unknownIn('规则', 'rule', KNOWN_CODES) });
    return z.NEVER;
  }
  const severity = severitySetting.safeParse(m[2].trim());
  if (!severity.success) {
    ctx.issues.push(issue(value, `「${m[1]}」的级别应为 off、error、warning、info 或 hint，实为「${m[2]}」`, `the severity of "${m[1]}" is off, error, warning, info or hint, not "${m[2]}"`));
    return z.NEVER;
  }
  return [code, severity.data];
});

/** A whole number written as an argument, within bounds. */
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => z.string().transform((value, ctx) => {
  if (!/^-?\d+$/.test(value)) {
    if (min >= 1) ctx.issues.push(issue(value, `应为正整数，实为「${value}」`, `expected a whole number, ${min} or more, got "${value}"`));
    else ctx.issues.push(issue(value, `应为整数，实为「${value}」`, `expected a whole number, got "${value}"`));
    return z.NEVER;
  }
  const n = Number(value);
  if (n < min) ctx.issues.push(issue(value, `应不小于 ${min}`, `expected ${min} or more`));
  else if (n > max) ctx.issues.push(issue(value, `应不大于 ${max}`, `expected at most ${max}`));
  return n;
});

const threshold = z.string().transform((value, ctx) => {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  ctx.issues.push(issue(value, `应为不小于 0 的数，实为「${value}」`, `expected a number, 0 or more, got "${value}"`));
  return z.NEVER;
});

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

/** `--previous FILE`: resolved against the working folder; must name a file. */
const previousFlag = (cwd: string) => z.string()
  .min(1)
  .transform((p) => resolve(cwd, p))
  .transform((p, ctx) => {
    if (!isFile(p)) ctx.issues.push(issue(p, `不是可读取的文件：${p}`, `not a readable file: ${p}`));
    return p;
  });

const optionsSchema = (cwd: string) => z.object({
  paths: z.array(z.string().min(1)).refine((paths) => paths.length > 0, says('至少需要一个文件、文件夹或通配符', 'at least one file, folder or glob is required')),
  format: z.enum(FORMAT_NAMES).default(DEFAULT_FORMAT),
  version: versionSetting.optional(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  config: z.string().min(1).optional(),
  rule: z.array(ruleFlag).default([]).transform((pairs) => Object.fromEntries(pairs) as Record<string, SeveritySetting>),
  ignore: z.array(z.string().min(1)).default([]),
  'max-warnings': wholeNumber(-1).default(-1),
  previous: previousFlag(cwd).optional(),
  'emit-text': z.string().min(1).transform((p) => resolve(cwd, p)).optional(),
  quiet: z.boolean().default(false),
  fix: z.boolean().default(false),
  'fix-dry-run': z.boolean().default(false),
  'format-version': versionSetting.optional(),
  output: z.string().min(1).optional(),
  sarif: z.string().min(1).optional(),
  compare: z.boolean().default(false),
  threshold: threshold.optional(),
  jobs: wholeNumber(1, MAX_JOBS).optional(),
  color: z.boolean().optional(),
  'stdin-filename': z.string().min(1).optional(),
}).strict()
  .refine((o) => !o.compare || o.sarif === undefined, says('--sarif 不用于 --compare', '--sarif does not go with --compare'))
  .refine((o) => !o.compare || o.paths.length === 2, says('--compare 需要两个文件：先去年、后今年', '--compare takes two files: last year\'s, then this year\'s'))
  .refine((o) => !o.compare || ['text', 'json', 'html'].includes(o.format), says('--compare 的格式为 text、json 或 html', '--compare prints text, json or html'))
  .refine((o) => o.compare || o.format !== 'html', says('--format html 只用于 --compare', '--format html is for --compare'))
  .refine((o) => o.compare || o.threshold === undefined, says('--threshold 只用于 --compare', '--threshold is for --compare'))
  .refine((o) => !(o.compare && (o.fix || o['fix-dry-run'])), says('--compare 不能与 --fix 同用', '--compare does not fix'))
  .refine((o) => !(o.fix && o['fix-dry-run']), says('--fix 与 --fix-dry-run 不能同时使用', 'use one of --fix and --fix-dry-run'))
  .refine((o) => !(o.version !== undefined && o['format-version'] !== undefined), says('--version 与 --format-version 不能同时给出格式版本', 'give the format version once, with --format-version'))
  .refine((o) => !(o.fix && o.paths.includes(STDIN)), says('--fix 不能写回标准输入；请用 --fix-dry-run', '--fix cannot write back to standard input: use --fix-dry-run'))
  .refine((o) => o['stdin-filename'] === undefined || o.paths.includes(STDIN), says('--stdin-filename 只用于从标准输入读取（参数 -）', '--stdin-filename names standard input: give the argument -'));

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: FormatName;
  readonly version: 'auto' | '2019' | '2021' | undefined;
  readonly locale: 'zh-CN' | 'en';
  readonly config: string | undefined;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly ignore: readonly string[];
  /** -1: no limit. */
  readonly maxWarnings: number;
  readonly quiet: boolean;
  /** `--previous`: last year's report (absolute path) for every file checked. */
  readonly previous?: string;
  readonly fix: 'off' | 'write' | 'dry-run';
  /** `-o FILE`: where the output goes instead of stdout (as given, relative to the working folder). */
  readonly output?: string;
  /** `--sarif FILE`: the SARIF log of the same run, written to FILE besides the output of `format`. */
  readonly sarif?: string;
  /** Lines for stderr about deprecated spellings used. */
  readonly notices: readonly string[];
  /** `--compare`: `paths` are last year's report and this year's. */
  readonly compare: boolean;
  /** `--threshold`: a change of more than this many per cent is a large swing. */
  readonly threshold?: number;
  /** `--emit-text DIR`: write the text converted from each PDF, DOCX or HTML file there (absolute path). */
  readonly emitText?: string;
  /** `--jobs N`: at most this many worker threads check the files (default: jobs-count.ts defaultJobs). */
  readonly jobs: number;
  /** `--color` (true) or `--no-color` (false), the last given winning; undefined: NO_COLOR, FORCE_COLOR and the terminal decide. */
  readonly color?: boolean;
  /** `--stdin-filename NAME`: what standard input is called in the output, and where its config and ignores are looked up. */
  readonly stdinFilename?: string;
}

/** An unknown option, with the nearest known one. */
function unknownOption(option: string, locale: CliLocale): UsageError {
  const name = option.replace(/=.*$/s, '');
  const [guess] = closestMatches(name, SPELLINGS);
  const hint = guess === undefined ? '' : say(locale, `，是否要写 ${guess}？`, `; did you mean ${guess}?`);
  return new UsageError(say(locale, `未知选项：${name}`, `unknown option: ${name}`) + hint);
}

/** Split argv into options and paths; `--name=value` and `--name value` alike; `--` ends the options. */
function tokenize(argv: readonly string[], locale: CliLocale): Record<string, unknown> | 'help' | 'version' {
  const raw: Record<string, unknown> = { paths: [] };
  const paths = raw.paths as string[];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || (a === '--version' && !FORMAT_VERSION_LIKE.test(argv[i + 1] ?? ''))) return 'version';
    if (!a.startsWith('-') || a === '-') {
      paths.push(a);
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(SHORT[a] ?? a);
    const spec = m ? OPTIONS[m[1]] : undefined;
    if (!m || !spec) throw unknownOption(a, locale);
    const name = m[1];
    if (spec.kind === 'flag') {
      if (m[2] !== undefined) throw new UsageError(say(locale, `--${name} 不带值`, `--${name} takes no value`));
      // --color and --no-color: the last one given wins.
      if (name === 'color' || name === 'no-color') raw.color = name === 'color';
      else raw[name] = true;
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(say(locale, `--${name} 需要一个值`, `--${name} needs a value`));
    if (spec.repeatable) {
      raw[name] = [...((raw[name] as string[] | undefined) ?? []), value];
    } else {
      if (raw[name] !== undefined) throw new UsageError(say(locale, `--${name} 只能给一次`, `--${name} is given more than once`));
      raw[name] = value;
    }
  }
  return raw;
}

export function parseArgs(argv: readonly string[], cwd: string = process.cwd()): CliOptions | 'help' | 'version' {
  const locale = localeOfArgs(argv);
  const raw = tokenize(argv, locale);
  if (raw === 'help' || raw === 'version') return raw;
  const r = optionsSchema(cwd).safeParse(raw, { error: errorMapOf(locale) });
  if (!r.success) {
    throw new UsageError(problemsOf(r.error).map((p) => {
      const [key] = p.path.split('.');
      return key === '' || key === 'paths' ? p.message : `--${key}: ${p.message}`;
    }).join('\n'));
  }
  const o = r.data;
  return {
    paths: o.paths, format: o.format, version: o['format-version'] ?? o.version, locale: o.locale, config: o.config, rules: o.rule,
    ignore: o.ignore, maxWarnings: o['max-warnings'], quiet: o.quiet,
    ...(o.previous !== undefined ? { previous: o.previous } : {}),
    fix: o.fix ? 'write' : o['fix-dry-run'] ? 'dry-run' : 'off',
    ...(o.output !== undefined ? { output: o.output } : {}),
    ...(o.sarif !== undefined ? { sarif: o.sarif } : {}),
    notices: o.version !== undefined ? [versionDeprecation(locale)] : [],
    compare: o.compare,
    ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
    ...(o['emit-text'] !== undefined ? { emitText: o['emit-text'] } : {}),
    jobs: o.jobs ?? defaultJobs(),
    ...(o.color !== undefined ? { color: o.color } : {}),
    ...(o['stdin-filename'] !== undefined ? { stdinFilename: o['stdin-filename'] } : {}),
  };
}
