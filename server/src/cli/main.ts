/**
 * xxgk-check: check 政府信息公开工作年度报告 text files, folders and globs from the command line.
 * Wiring only: arguments → files → one check per file → one output format → exit code.
 */
import { isAbsolute, relative } from 'node:path';
import { HELP, localeOfArgs, parseArgs, UsageError, type CliOptions } from './args';
import { checkFile } from './check-file';
import { ConfigError, ConfigResolver } from './config';
import { discover } from './discover';
import { formatContextOf, isStreamedFormat, renderFormat, streamedFormat, type FormatContext } from './formats';
import { LABELS } from './formats/labels';
import { colorEnabled } from './formats/style';
import { runCompare } from './compare';
import { OutputError, openOutput, writeOutput } from './output';
import { TOOL_VERSION } from './package-info';
import { checkInWorkers, isCheckWorker, serveChecks, type WorkerFormat } from './jobs';
import { workerCount } from './jobs-count';
import { createProgress } from './progress';
import { pairByYear, previousFile, readText, type PreviousFile } from '../files/pairing';
import { addTally, addToTotals, emptyTotals, type FileResult, type FileTally, type RunTotals } from './types';

export interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

/** --color or --no-color; else colour only for a terminal (never into the file named by -o), NO_COLOR and FORCE_COLOR respected. */
function colorOf(opts: CliOptions, io: Io): boolean {
  return opts.color ?? colorEnabled(io.env, opts.output === undefined && io.stdout.isTTY === true);
}

function formatContext(opts: CliOptions, io: Io): FormatContext {
  return formatContextOf(opts.locale, io.cwd, colorOf(opts, io));
}

async function render(results: readonly FileResult[], opts: CliOptions, io: Io): Promise<string | Uint8Array> {
  if (opts.fix === 'dry-run') return results.map((r) => r.diff ?? '').join('');
  return renderFormat(opts.format, results, formatContext(opts, io));
}

/**
 * The format written file by file as the results come, if the run's output is one: a format made of per-file
 * parts, into a file or a pipe (the progress bar of a terminal would cut through it). Otherwise the output is
 * kept and written whole at the end.
 */
function streamingFormat(opts: CliOptions, io: Io, files: number): WorkerFormat | undefined {
  // --sarif needs every result at the end, which a streamed format does not keep.
  if (files === 0 || opts.fix === 'dry-run' || opts.sarif !== undefined || (opts.output === undefined && io.stdout.isTTY === true)) return undefined;
  return isStreamedFormat(opts.format) ? { format: opts.format, color: colorOf(opts, io) } : undefined;
}

/** How the results reach the output: see streamingFormat. */
interface ResultSink {
  add(r: FileResult): void;
  /** A file's part already formatted (by a worker), with what it adds to the totals. */
  addWritten(part: Uint8Array, tally: FileTally): void;
  finish(): Promise<void>;
  abort(): void;
  readonly totals: RunTotals;
}

function resultSink(opts: CliOptions, io: Io, streaming: WorkerFormat | undefined): ResultSink {
  const totals = emptyTotals();
  const streamed = streaming ? streamedFormat(streaming.format, formatContext(opts, io)) : undefined;
  if (streamed) {
    const out = openOutput(opts.output, io);
    return {
      totals,
      add(r) {
        out.write(streamed.file(r, totals.files));
        addToTotals(totals, r);
      },
      addWritten(part, tally) {
        out.write(part);
        addTally(totals, tally);
      },
      finish() {
        out.write(streamed.end(totals));
        out.close();
        return Promise.resolve();
      },
      abort: () => out.abort(),
    };
  }
  const results: FileResult[] = [];
  return {
    totals,
    add(r) {
      results.push(r);
      addToTotals(totals, r);
    },
    addWritten() {
      throw new Error('a written part for an output written whole');
    },
    async finish() {
      writeOutput(await render(results, opts, io), opts.output, io);
      if (opts.sarif !== undefined) writeOutput(await renderFormat('sarif', results, formatContext(opts, io)), opts.sarif, io);
    },
    abort() {},
  };
}

/** A path as shown: relative to the working folder when under it. */
function relativeOrAbsolute(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}

async function run(opts: CliOptions, io: Io): Promise<number> {
  if (opts.format === 'xlsx' && opts.output === undefined && io.stdout.isTTY === true) {
    throw new UsageError(opts.locale === 'en' ? 'xlsx is binary and not written to a terminal: use -o FILE' : 'xlsx 是二进制格式，不写到终端：请用 -o 文件');
  }
  if (opts.compare) return runCompare(opts, io);
  const resolver = new ConfigResolver(opts.config, io.cwd, opts.locale);
  const stdinName = opts.stdinFilename !== undefined ? { stdinName: opts.stdinFilename } : {};
  const { files, problems } = discover(opts.paths, { cwd: io.cwd, ignore: opts.ignore, resolver, ...stdinName });
  for (const p of problems) io.stderr.write(`xxgk-check: ${p}\n`);

  let writeFailed = false;
  const onWriteError = (path: string, error: unknown) => {
    writeFailed = true;
    io.stderr.write(`xxgk-check: 无法写入 (cannot write) ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
  };
  // Last year's report: the --previous file for every file, else the checked file of the same body a year before.
  let previousOf: (target: (typeof files)[number]) => PreviousFile | undefined = () => undefined;
  if (opts.previous !== undefined) {
    const text = readText(opts.previous);
    if (text === undefined) throw new UsageError(`--previous: 无法读取或解码 (cannot read or decode) ${opts.previous}`);
    const given = previousFile(opts.previous, relativeOrAbsolute(opts.previous, io.cwd), text);
    previousOf = () => given;
  }
  const progress = createProgress(files.length, io.stderr);
  const streaming = streamingFormat(opts, io, files.length);
  const sink = resultSink(opts, io, streaming);
  const done = (result: FileResult) => {
    sink.add(result);
    progress.tick();
  };
  // Standard input is read by this thread only.
  const workers = files.some((f) => f.stdin) ? 0 : workerCount(opts.jobs, files.length);
  try {
    if (workers > 0) {
      await checkInWorkers({
        files, options: opts, cwd: io.cwd, workers, onWriteError, onResult: done,
        // The workers format their files' parts themselves: this thread only writes the bytes in order.
        ...(streaming ? { written: { ...streaming, onPart: (part: Uint8Array, tally: FileTally) => {
          sink.addWritten(part, tally);
          progress.tick();
        } } } : {}),
        ...(opts.previous !== undefined ? { previous: previousOf(files[0]) } : {}),
      });
    } else {
      if (files.length > 1 && opts.previous === undefined) previousOf = pairByYear(files);
      for (const target of files) done(checkFile(target, { resolver, options: opts, onWriteError, previous: previousOf(target) }));
    }
  } catch (error) {
    sink.abort();
    throw error;
  } finally {
    progress.done();
  }

  if (files.length > 0 || problems.length === 0) await sink.finish();
  if (problems.length > 0 || writeFailed) return EXIT_USAGE;
  const { counts } = sink.totals;
  if (counts.error > 0) return EXIT_FINDINGS;
  if (opts.maxWarnings >= 0 && counts.warning > opts.maxWarnings) {
    io.stderr.write(`xxgk-check: ${LABELS[opts.locale].tooManyWarnings(counts.warning, opts.maxWarnings)}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const opts = parseArgs(argv, io.cwd);
    if (opts === 'help') {
      io.stdout.write(HELP + '\n');
      return EXIT_OK;
    }
    if (opts === 'version') {
      io.stdout.write(TOOL_VERSION + '\n');
      return EXIT_OK;
    }
    for (const notice of opts.notices) io.stderr.write(`xxgk-check: ${notice}\n`);
    return await run(opts, io);
  } catch (error) {
    if (error instanceof OutputError) {
      io.stderr.write(`xxgk-check: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      const help = localeOfArgs(argv) === 'en' ? 'run xxgk-check --help for usage' : '运行 xxgk-check --help 查看用法';
      io.stderr.write(`xxgk-check: ${error.message}\n${help}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError || error instanceof OutputError) {
      io.stderr.write(`xxgk-check: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

if (isCheckWorker()) {
  serveChecks();
} else {
  // A reader that stops early (`| head`, `| grep -m1`) closes the pipe while results are still written. The
  // run goes on without a stack trace and its output is dropped: its fixes are all written and its exit code
  // still says whether errors were found (`set -o pipefail` scripts rely on it). The same for stderr (`2>&1 | head`).
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      stream.write = () => true;
    });
  }
  const io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
