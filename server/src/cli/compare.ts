/**
 * `xxgk-check --compare 去年.txt 今年.txt`: read both (any encoding the CLI reads), compare, print text,
 * JSON (docs/compare.md) or a self-contained HTML page. Exit 0 when compared, 2 when a file cannot be read.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { compareReports, parseReport, type Comparison } from '../engine';
import type { CliOptions } from './args';
import { UsageError } from './args';
import { ConfigResolver } from './config';
import { formatCompareText } from './formats/compare-text';
import { comparisonPage } from '../render/compare-html';
import { COMPARE_STRINGS } from '../render/compare-strings';
import { writeOutput } from './output';
import { readText } from '../files/pairing';

interface CompareIo {
  readonly stdout: NodeJS.WriteStream;
  readonly cwd: string;
}

/** The JSON of `--compare`: the two paths, then the comparison (stable shape, fields only added). */
export function compareJson(c: Comparison, files: { previous: string; current: string }): string {
  return JSON.stringify({ files, ...c }, null, 2);
}

export function runCompare(opts: CliOptions, io: CompareIo): number {
  const [previousPath, currentPath] = opts.paths;
  const read = (p: string) => {
    const text = readText(resolve(io.cwd, p));
    if (text === undefined) throw new UsageError(`--compare: 无法读取或解码 (cannot read or decode) ${p}`);
    return parseReport(text, opts.version && opts.version !== 'auto' ? { version: opts.version } : {});
  };
  const previous = read(previousPath);
  const current = read(currentPath);
  // --threshold, else the current report's config (compareThreshold), else 50.
  const threshold = opts.threshold
    ?? new ConfigResolver(opts.config, io.cwd, opts.locale).configFor(resolve(io.cwd, currentPath)).config.compareThreshold;
  const comparison = compareReports(previous, current, { threshold });
  const files = { previous: previousPath, current: currentPath };
  const strings = COMPARE_STRINGS[opts.locale];
  let out: string;
  switch (opts.format) {
    case 'json':
      out = compareJson(comparison, files) + '\n';
      break;
    case 'html':
      out = comparisonPage(comparison, files, strings, opts.locale, randomBytes(16).toString('base64'));
      break;
    default:
      out = formatCompareText(comparison, files, strings) + '\n';
  }
  writeOutput(out, opts.output, io);
  return 0;
}
