/**
 * `--jobs N`: the files of a run checked in worker threads. Each worker is this same bundle started with a
 * marker in its workerData; it builds its own config resolver and answers one file at a time, with at most
 * two files given to it ahead, so that only the files in flight are held. The results are handed
 * on in the order of the files (a result that comes early waits for the ones before it), so the output,
 * the progress and the messages on stderr are those of one job.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { CliOptions } from './args';
import { checkFile } from './check-file';
import { ConfigResolver } from './config';
import type { Target } from './discover';
import { pairFromKeys, readPrevious, yearKeyOf, type PreviousFile, type PreviousLocator, type YearKey } from '../files/pairing';
import type { CellValue, ReportValues } from '../engine';
import { formatContextOf, streamedFormat, type FormatName } from './formats';
import { tallyOf, type FileResult, type FileTally } from './types';

const MARKER = 'xxgk-check-worker';

/** Files per task when workers read the body and year of every file for pairing. */
const KEY_BATCH = 32;

/**
 * An output written file by file (formats/index.ts STREAMED) that the workers write themselves: each file's part
 * comes back as UTF-8 bytes, moved (not copied) to this thread, with what it adds to the totals. This thread
 * then only writes bytes in order; a result never crosses threads as objects.
 */
export interface WorkerFormat {
  readonly format: FormatName;
  readonly color: boolean;
}

interface WorkerSetup {
  readonly marker: typeof MARKER;
  readonly options: CliOptions;
  readonly cwd: string;
  /** `--previous`: the same report for every file. */
  readonly previous?: PreviousFile;
  readonly written?: WorkerFormat;
}

type Task =
  | { readonly kind: 'keys'; readonly id: number; readonly targets: readonly Target[] }
  | { readonly kind: 'check'; readonly id: number; readonly target: Target; readonly previousAt?: { readonly abs: string; readonly display: string } };

interface WriteError {
  readonly path: string;
  readonly message: string;
}

type Answer =
  | { readonly kind: 'keys'; readonly id: number; readonly keys: readonly (YearKey | null)[] }
  | { readonly kind: 'check'; readonly id: number; readonly result: string; readonly writeErrors: readonly WriteError[] }
  | { readonly kind: 'written'; readonly id: number; readonly part: Uint8Array; readonly tally: FileTally; readonly writeErrors: readonly WriteError[] }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string; readonly stack?: string };

/** True in a thread started by `checkInWorkers`: it serves files instead of running the command line. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | null)?.marker === MARKER;
}

/** The worker's side: answer tasks until the main thread closes the port. */
export function serveChecks(): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort;
  if (!port) return;
  const resolver = new ConfigResolver(setup.options.config, setup.cwd, setup.options.locale);
  const written = setup.written
    ? streamedFormat(setup.written.format, formatContextOf(setup.options.locale, setup.cwd, setup.written.color))
    : undefined;
  const encoder = new TextEncoder();
  port.on('message', (task: Task) => {
    let answer: Answer;
    /** Buffers moved to the main thread with the answer, not copied. */
    let moved: ArrayBuffer[] = [];
    try {
      if (task.kind === 'keys') {
        answer = { kind: 'keys', id: task.id, keys: task.targets.map((t) => yearKeyOf(t) ?? null) };
      } else {
        const writeErrors: WriteError[] = [];
        const previous = setup.previous ?? readPrevious(task.previousAt);
        const result = checkFile(task.target, {
          resolver, options: setup.options, previous,
          onWriteError: (path, error) => writeErrors.push({ path, message: error instanceof Error ? error.message : String(error) }),
        });
        if (written) {
          // The task id is the file's index in the run: its part is the one it has in one job's output.
          // A TextEncoder's bytes own their buffer (a small Buffer shares a pool), so they can be moved.
          const part = encoder.encode(written.file(result, task.id));
          answer = { kind: 'written', id: task.id, part, tally: tallyOf(result), writeErrors };
          moved = [part.buffer];
        } else {
          answer = { kind: 'check', id: task.id, result: serialise(result), writeErrors };
        }
      }
    } catch (error) {
      moved = [];
      answer = { kind: 'failed', id: task.id, message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) };
    }
    port.postMessage(answer, moved);
  });
}

export interface WorkerRun {
  readonly files: readonly Target[];
  readonly options: CliOptions;
  readonly cwd: string;
  readonly workers: number;
  /** `--previous` for every file; without it, files pair by body and year among themselves. */
  readonly previous?: PreviousFile;
  /** Called once per file, in the order of `files` (unless `written` is given). */
  readonly onResult: (result: FileResult, index: number) => void;
  /** The workers write each file's part in this format: `onPart` is called instead of `onResult`, in order. */
  readonly written?: WorkerFormat & { readonly onPart: (part: Uint8Array, tally: FileTally) => void };
  readonly onWriteError: (path: string, error: unknown) => void;
}

class WorkerFailure extends Error {}

/**
 * A result crosses threads as JSON text: one string copies far faster than the structured clone of the many
 * small objects of a result (findings, ranges, cells). Everything in a result is JSON data but the map of
 * framed lines, sent as its entries; the cells, nine tenths of a result, go as rows of their fields (the id is
 * table.row.column, rebuilt on arrival).
 */
type PackedCell = [CellValue['table'], string, string, number | null, string, CellValue['kind'], number, number];

function serialise(result: FileResult): string {
  const { values } = result;
  const cells = values?.cells.map((c): PackedCell => [c.table, c.row, c.column, c.value, c.raw, c.kind, c.span.start, c.span.end]);
  return JSON.stringify({ ...result, lines: [...result.lines], values: values ? { ...values, cells } : null });
}

function deserialise(text: string): FileResult {
  type Packed = Omit<FileResult, 'lines' | 'values'> & { lines: [number, string][]; values: (Omit<ReportValues, 'cells'> & { cells: PackedCell[] }) | null };
  const parsed = JSON.parse(text) as Packed;
  const values: ReportValues | null = parsed.values
    ? {
      ...parsed.values,
      cells: parsed.values.cells.map(([table, row, column, value, raw, kind, start, end]) => ({
        id: `${table}.${row}.${column}`, table, row, column, value, raw, kind, span: { start, end },
      })),
    }
    : null;
  return { ...parsed, lines: new Map(parsed.lines), values };
}

/** A pool of workers answering tasks; `map` runs one kind of task over every file and keeps the order. */
class Pool {
  private readonly workers: Worker[] = [];
  private failure: Error | undefined;
  private fail: (error: Error) => void = () => {};

  constructor(count: number, setup: WorkerSetup) {
    for (let i = 0; i < count; i++) {
      // This bundle, started again as a worker (workers inherit the execArgv, so a loader such as tsx too).
      const w = new Worker(__filename, { workerData: setup });
      w.on('error', (error) => this.stop(error));
      w.on('exit', (code) => {
        if (code !== 0) this.stop(new WorkerFailure(`worker exited with code ${code}`));
      });
      this.workers.push(w);
    }
  }

  private stop(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.fail(error);
  }

  /**
   * Each worker holds at most two tasks; answers are buffered until all before them have come, then handed
   * to `onAnswer` in order.
   */
  map(count: number, task: (id: number) => Task, onAnswer: (answer: Answer, id: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      if (count === 0) return resolve();
      this.fail = reject;
      const early = new Map<number, Answer>();
      let next = 0;
      let delivered = 0;
      const give = (w: Worker) => {
        if (next < count) w.postMessage(task(next++));
      };
      for (const w of this.workers) {
        w.removeAllListeners('message');
        w.on('message', (answer: Answer) => {
          if (this.failure) return;
          if (answer.kind === 'failed') {
            const error = new Error(answer.message);
            if (answer.stack) error.stack = answer.stack;
            this.stop(error);
            return;
          }
          give(w);
          early.set(answer.id, answer);
          try {
            while (early.has(delivered)) {
              const a = early.get(delivered)!;
              early.delete(delivered);
              onAnswer(a, delivered++);
            }
          } catch (error) {
            this.stop(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (delivered === count) resolve();
        });
        // Two tasks per worker: the next one is already there when a worker answers, so it never waits on this thread.
        give(w);
        give(w);
      }
    });
  }

  async close(): Promise<void> {
    this.failure ??= new WorkerFailure('closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Checks `run.files` in workers; results come to `run.onResult` in the order of the files. */
export async function checkInWorkers(run: WorkerRun): Promise<void> {
  const { files } = run;
  const { written } = run;
  const pool = new Pool(run.workers, {
    marker: MARKER, options: run.options, cwd: run.cwd, ...(run.previous ? { previous: run.previous } : {}),
    ...(written ? { written: { format: written.format, color: written.color } } : {}),
  });
  try {
    let locate: PreviousLocator = () => undefined;
    if (run.previous === undefined && files.length > 1) {
      // Reading a key is quick: files go in batches, so that the messages cost little beside it.
      const keys: (YearKey | undefined)[] = [];
      await pool.map(Math.ceil(files.length / KEY_BATCH), (id) => ({ kind: 'keys', id, targets: files.slice(id * KEY_BATCH, (id + 1) * KEY_BATCH) }), (a) => {
        if (a.kind === 'keys') for (const k of a.keys) keys.push(k ?? undefined);
      });
      locate = pairFromKeys(files, keys);
    }
    await pool.map(files.length, (id) => {
      const previousAt = run.previous === undefined ? locate(files[id]) : undefined;
      return { kind: 'check', id, target: files[id], ...(previousAt ? { previousAt } : {}) };
    }, (a, id) => {
      if (a.kind !== 'check' && a.kind !== 'written') return;
      for (const e of a.writeErrors) run.onWriteError(e.path, new Error(e.message));
      if (a.kind === 'written') written?.onPart(a.part, a.tally);
      else run.onResult(deserialise(a.result), id);
    });
  } finally {
    await pool.close();
  }
}
