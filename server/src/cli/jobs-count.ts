/** How many threads a run uses: the default of `--jobs`, and when workers are worth starting at all. */
import { availableParallelism, cpus } from 'node:os';

/** The default of `--jobs`: every core. */
export function defaultJobs(): number {
  return typeof availableParallelism === 'function' ? availableParallelism() : Math.max(1, cpus().length);
}

/**
 * A worker costs about as much to start as checking some tens of reports (it loads the whole bundle), so a
 * run gets one worker per this many files at most: a handful of files is checked in this thread.
 */
export const FILES_PER_WORKER = 16;

/** How many workers a run of `files` files with `--jobs jobs` starts; 0: check in this thread. */
export function workerCount(jobs: number, files: number): number {
  const n = Math.min(jobs, Math.floor(files / FILES_PER_WORKER));
  return n >= 2 ? n : 0;
}
