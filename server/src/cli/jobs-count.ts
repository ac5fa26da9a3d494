/** How many threads a run uses: the default of `--jobs`, and when workers are worth starting at all. */
import { availableParallelism, cpus } from 'node:os';

/** The cores this process may use. */
function coreCount(): number {
  return typeof availableParallelism === 'function' ? availableParallelism() : Math.max(1, cpus().length);
}

/**
 * The default of `--jobs`: every core, but one job on a machine of one or two. One job is not one core: V8
 * compiles and collects garbage on threads of its own beside the checking thread (1.3 cores busy on 3,000
 * reports), and every worker compiles the whole engine again. On two cores, two workers were slower than
 * one job for every folder measured (100 files 0.55 s against 0.46 s, 500 files 1.5 s against 1.2 s, 1,500
 * files 2.8 s against 2.7 s) and at best even at 3,000 files, with twice the memory.
 */
export function defaultJobs(cores: number = coreCount()): number {
  return cores <= 2 ? 1 : cores;
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
