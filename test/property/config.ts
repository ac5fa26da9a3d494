/**
 * Run settings shared by the property tests. `npm test` uses a fixed seed and bounded runs;
 * `npm run fuzz` sets XXGK_FUZZ_RUNS (and a random XXGK_FUZZ_SEED) for long random runs.
 * Replay a failure with XXGK_FUZZ_SEED=<seed> (and the path fast-check prints, in XXGK_FUZZ_PATH).
 */
import type { Parameters } from 'fast-check';

const FIXED_SEED = 20240917;
const fuzzRuns = Number(process.env.XXGK_FUZZ_RUNS ?? '') || 0;
export const fuzzing = fuzzRuns > 0;
export const seed = process.env.XXGK_FUZZ_SEED ? Number(process.env.XXGK_FUZZ_SEED) : fuzzing ? Date.now() % 2 ** 31 : FIXED_SEED;

/** fast-check parameters: `runs` in `npm test`, XXGK_FUZZ_RUNS × `weight` when fuzzing. */
export function params<T>(runs: number, weight = 1): Parameters<T> {
  const path = process.env.XXGK_FUZZ_PATH;
  return {
    seed,
    numRuns: fuzzing ? Math.max(1, Math.round(fuzzRuns * weight)) : runs,
    ...(path ? { path } : {}),
    // Shrinking a failure of a whole report can take long; keep it bounded.
    interruptAfterTimeLimit: fuzzing ? undefined : 50_000,
    markInterruptAsFailure: false,
  };
}
