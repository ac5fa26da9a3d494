// `npm run fuzz`: the property tests of test/property with a random seed and many more runs.
// XXGK_FUZZ_RUNS (default 2000) sets the runs per property, XXGK_FUZZ_SEED replays a seed
// (and XXGK_FUZZ_PATH the path fast-check prints with a failure).
import { spawnSync } from 'node:child_process';

const runs = process.env.XXGK_FUZZ_RUNS || '2000';
const seed = process.env.XXGK_FUZZ_SEED || String(Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz: ${runs} runs per property, seed ${seed} (replay: XXGK_FUZZ_SEED=${seed} npm run fuzz)`);
const r = spawnSync(process.execPath, ['scripts/run-tests.mjs', 'test/property'], {
  stdio: 'inherit',
  env: { ...process.env, XXGK_FUZZ_RUNS: runs, XXGK_FUZZ_SEED: seed },
});
process.exit(r.status ?? 1);
