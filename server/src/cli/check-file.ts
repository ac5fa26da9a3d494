/** One file through the CLI: read and decode, check with its config, fix when asked, keep what the outputs need. */
import { format, type Locale, type Message } from '../messages';
import { check, tableLayouts, type Finding, type Report, type SeveritySetting } from '../engine';
import type { CliOptions } from './args';
import { FILE_CONVERSION, FILE_ENCODING, FILE_NOT_REPORT, FILE_UNREADABLE, type CliCode } from '../files/codes';
import { isReport } from '../files/identify';
import { isSuppressed, type ConfigResolver, type LoadedConfig } from './config';
import { fixUntilStable, unifiedDiff, writeAtomic } from './fix';
import { dirname } from 'node:path';
import { removeLeftovers } from './write-whole';
import { decode, encode, encodingLabel, openError, readBounded } from '../files/read';
import { overCapArgs, reportValues } from '../engine';
import type { FileResult } from './types';
import type { Target } from './discover';
import type { PreviousFile } from '../files/pairing';
import { convertedSourceOf, convertForCli, emitText, failureFinding, isPublishedFile, REPORT_TOO_LARGE, type ConvertedSource } from '../files/converted';

export interface Analysis {
  readonly report: Report;
  /** Findings after `--quiet` and the config's `ignore`: what is shown, counted and fixed. */
  readonly findings: readonly Finding[];
}

export interface CheckFileContext {
  readonly resolver: ConfigResolver;
  readonly options: CliOptions;
  /** Called when writing a fixed file fails; the run goes on. */
  readonly onWriteError: (path: string, error: unknown) => void;
  /** Last year's report of the same body, for `carry-over-mismatch`. */
  readonly previous?: PreviousFile;
}

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A finding about the file itself, at its start; none when the code is turned off. */
function fileFinding(
  cli: CliCode, message: Message, rules: Readonly<Record<string, SeveritySetting>>, locale: Locale, quiet: boolean,
): Finding[] {
  const severity = rules[cli.code] ?? cli.defaultSeverity;
  if (severity === 'off' || (quiet && severity !== 'error')) return [];
  return [{
    code: cli.code, severity, message: format(message, locale), span: { start: 0, end: 0 }, range: ORIGIN, related: [], suggestions: [],
  }];
}

/** The lines the findings and their related locations start on, read from the original text. */
function framedLines(report: Report, findings: readonly Finding[]): Map<number, string> {
  const lines = new Map<number, string>();
  for (const f of findings) {
    // Related locations in another file (last year's report) are not framed from this one.
    for (const r of [f.range, ...f.related.filter((x) => x.uri === undefined).map((x) => x.range)]) {
      const line = report.lines[r.start.line];
      if (line && !lines.has(line.index)) lines.set(line.index, report.text.slice(line.start, line.end));
    }
  }
  return lines;
}

export function checkFile(target: Target, ctx: CheckFileContext): FileResult {
  const { options } = ctx;
  const loaded: LoadedConfig = ctx.resolver.configFor(target.abs);
  const rules = { ...loaded.config.rules, ...options.rules };
  const version = options.version ?? loaded.config.version;
  const previous = ctx.previous && ctx.previous.abs !== target.abs ? ctx.previous : undefined;
  const base = {
    path: target.display, abs: target.abs,
    ...(previous ? {
      previous: {
        uri: previous.report.uri, path: previous.display, abs: previous.abs,
        ...(previous.converted ? { converted: previous.converted } : {}),
      },
    } : {}),
  };
  const fileOnly = (cli: CliCode, message: Message, status: FileResult['status'] = 'unreadable'): FileResult => ({
    ...base, version: null, encoding: null, status, values: null, lines: new Map(),
    findings: fileFinding(cli, message, rules, options.locale, options.quiet),
  });
  // A file of a folder that is not a report: one info line, never an error (issue 22).
  const notReport = () => fileOnly(FILE_NOT_REPORT, { key: 'file-not-report' }, 'not-report');
  if (target.notReport) return notReport();

  if (target.unreadable) return fileOnly(FILE_UNREADABLE, { key: target.unreadable.key, args: { error: target.unreadable.error } });
  // Standard input is text, whatever --stdin-filename calls it.
  if (!target.stdin && isPublishedFile(target.abs)) {
    const locked = openError(target.abs);
    if (locked !== undefined) return fileOnly(FILE_UNREADABLE, { key: 'file-unreadable', args: { error: locked } });
    const conversion = convertForCli(target.abs);
    if (conversion.kind === 'failed') {
      const { cli, message } = failureFinding(conversion);
      return fileOnly(cli, message);
    }
    if (options.emitText !== undefined) {
      try {
        emitText(options.emitText, target.abs, conversion.text);
      } catch (error) {
        ctx.onWriteError(options.emitText, error);
      }
    }
    const converted: ConvertedSource = convertedSourceOf(conversion);
    // The published file is never written: --fix and --fix-dry-run only check it. This is the one parse of its text.
    const r = check(conversion.text, { version, rules, locale: options.locale, previous: previous?.report });
    if (!isReport(r.report)) return target.inFolder ? notReport() : fileOnly(FILE_CONVERSION, { key: 'file-conversion.no-report' });
    const findings = r.findings.filter((f) => !(options.quiet && f.severity !== 'error') && !isSuppressed(f, target.abs, loaded));
    return {
      ...base,
      version: r.report.content === 'text' ? r.report.version.used : null,
      encoding: null,
      findings,
      lines: framedLines(r.report, findings),
      status: 'report',
      values: reportValues(r.report),
      layouts: tableLayouts(r.report),
      converted,
      ...(options.fix === 'dry-run' ? { diff: '' } : options.fix === 'write' ? { fixed: 0 } : {}),
    };
  }

  let bytes: Buffer;
  try {
    const read = readBounded(target.stdin ? 0 : target.abs);
    if (read.kind === 'too-large') {
      // Over twice the engine's cap: its text is over the cap whatever the encoding, so it is not read at all.
      return fileOnly(REPORT_TOO_LARGE, { key: 'report-too-large', args: overCapArgs(read.size) });
    }
    ({ bytes } = read);
  } catch (error) {
    return fileOnly(FILE_UNREADABLE, { key: 'file-unreadable', args: { error: error instanceof Error ? error.message : String(error) } });
  }
  const decoded = decode(bytes);
  if (decoded.kind === 'binary') return fileOnly(FILE_ENCODING, { key: 'file-encoding.binary' });
  if (decoded.kind === 'big5') return fileOnly(FILE_ENCODING, { key: 'file-encoding.big5' });
  if (decoded.kind === 'unknown-encoding') return fileOnly(FILE_ENCODING, { key: 'file-encoding' });

  const analyse = (text: string): Analysis => {
    const r = check(text, { version, rules, locale: options.locale, previous: previous?.report });
    const findings = r.findings.filter((f) => !(options.quiet && f.severity !== 'error') && !isSuppressed(f, target.abs, loaded));
    return { report: r.report, findings };
  };

  let analysis: Analysis;
  let fixed: number | undefined;
  let diff: string | undefined;
  if (options.fix === 'off') {
    analysis = analyse(decoded.text);
  } else {
    // Temporary files of an earlier --fix that was killed go, whether or not this file is written.
    if (options.fix === 'write' && !target.stdin) removeLeftovers(dirname(target.abs));
    const result = fixUntilStable(decoded.text, analyse);
    ({ analysis } = result);
    fixed = result.applied;
    if (options.fix === 'dry-run') {
      diff = unifiedDiff(target.display, decoded.text, result.text);
    } else if (result.text !== decoded.text) {
      try {
        writeAtomic(target.abs, encode(result.text, decoded.encoding, decoded.bom));
      } catch (error) {
        ctx.onWriteError(target.display, error);
        // Nothing was written: report the findings of the file as it is.
        analysis = analyse(decoded.text);
        fixed = 0;
      }
    }
  }
  const { report, findings } = analysis;
  return {
    ...base,
    version: report.content === 'text' ? report.version.used : null,
    encoding: encodingLabel(decoded.encoding, decoded.bom),
    status: isReport(report) ? 'report' : 'not-report',
    values: reportValues(report),
    findings,
    lines: framedLines(report, findings),
    layouts: tableLayouts(report),
    ...(fixed !== undefined ? { fixed } : {}),
    ...(diff !== undefined ? { diff } : {}),
  };
}
