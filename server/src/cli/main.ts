/** xxgk-check: check 政府信息公开工作年度报告 text files from the command line. */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { check, type Finding } from '../engine';
import { versionSetting } from '../config/schema';

const HELP = `用法 / Usage: xxgk-check [--format text|json] [--version auto|2019|2021] [--locale zh-CN|en] FILE...

检查政府信息公开工作年度报告（纯文本）的结构与表格数字。
Checks the structure and table arithmetic of government information-disclosure annual reports.

  --format text|json   输出格式 / output format (default: text)
  --version V          强制格式版本 / force the format version (default: auto)
  --locale L           消息语言 / message language (default: zh-CN)
  -h, --help           显示帮助 / show this help

退出码 / Exit codes: 0 无错误 no errors · 1 有错误 errors found · 2 用法或读取错误 usage or read error`;

const optionsSchema = z.object({
  format: z.enum(['text', 'json']).default('text'),
  version: versionSetting.default('auto'),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  files: z.array(z.string()).min(1, '至少需要一个文件 (at least one FILE is required)'),
});

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): z.infer<typeof optionsSchema> | 'help' {
  const raw: Record<string, unknown> = { files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    const m = /^--(format|version|locale)(?:=(.*))?$/.exec(a);
    if (m) {
      const value = m[2] ?? argv[++i];
      if (value === undefined) throw new UsageError(`${a} 需要一个值 (needs a value)`);
      raw[m[1]] = value;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`未知选项 (unknown option): ${a}`);
    } else {
      (raw.files as string[]).push(a);
    }
  }
  const r = optionsSchema.safeParse(raw);
  if (!r.success) throw new UsageError(r.error.issues.map((x) => `${x.path.length ? '--' + x.path.join('.') + ': ' : ''}${x.message}`).join('\n'));
  return r.data;
}

interface FileResult {
  path: string;
  version: string | null;
  findings: readonly Finding[];
  lines: readonly string[];
}

function jsonOutput(results: readonly FileResult[]): string {
  return JSON.stringify({
    files: results.map((r) => ({
      path: r.path,
      version: r.version,
      diagnostics: r.findings.map((f) => ({
        code: f.code, severity: f.severity, message: f.message, range: f.range,
        related: f.related.map((x) => ({ message: x.message, range: x.range })),
      })),
    })),
  }, null, 2);
}

function textOutput(results: readonly FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      out.push(`${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
      const line = r.lines[f.range.start.line];
      if (line !== undefined && line.trim() !== '') out.push(`    ${line.replace(/\t/g, ' ')}`);
    }
  }
  return out.join('\n');
}

export function main(argv: readonly string[]): number {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`xxgk-check: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}\n`);
    return 2;
  }
  if (opts === 'help') {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const results: FileResult[] = [];
  let unreadable = false;
  for (const path of opts.files) {
    let text: string;
    try {
      if (statSync(path).isDirectory()) throw new Error('是目录 (is a directory)');
      text = readFileSync(path).toString('utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      process.stderr.write(`xxgk-check: 无法读取 (cannot read) ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
      unreadable = true;
      continue;
    }
    const r = check(text, { version: opts.version, locale: opts.locale });
    results.push({ path, version: r.report.content === 'text' ? r.report.version.used : null, findings: r.findings, lines: text.split(/\r\n|\r|\n/) });
  }
  process.stdout.write((opts.format === 'json' ? jsonOutput(results) : textOutput(results)) + '\n');
  if (unreadable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
