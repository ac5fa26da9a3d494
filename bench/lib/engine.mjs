// Bundles the pure engine (server/src/engine) with esbuild, as the server and CLI bundles do, and loads it.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = join(ROOT, 'node_modules', '.cache', 'xxgk-bench');
export const ENGINE_BUNDLE = join(CACHE, 'engine.cjs');

/** Build node_modules/.cache/xxgk-bench/engine.cjs from server/src/engine/index.ts. */
export async function buildEngine() {
  mkdirSync(CACHE, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'server/src/engine/index.ts')],
    outfile: ENGINE_BUNDLE,
    bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning',
  });
  return ENGINE_BUNDLE;
}

/** An unminified copy of the server bundle with a source map, for readable server profiles. */
export const SERVER_PROFILE_BUNDLE = join(CACHE, 'server.js');
export async function buildServerForProfile() {
  mkdirSync(CACHE, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'server/src/server.ts')],
    outfile: SERVER_PROFILE_BUNDLE,
    // As esbuild.mjs does for jsonc-parser: prefer a package's ESM build over a UMD `main`.
    mainFields: ['module', 'main'],
    bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning',
  });
  return SERVER_PROFILE_BUNDLE;
}

/**
 * The engine's stages for the budget line (engine-bench.mjs checkBudget): folding, line splitting and field
 * splitting, the parts of the engine that every reading of a line goes through, beside parseReport and check.
 */
export const STAGES_BUNDLE = join(CACHE, 'stages.cjs');
export async function buildStages() {
  mkdirSync(CACHE, { recursive: true });
  await build({
    stdin: {
      contents: [
        "export { foldText } from './server/src/engine/text/normalize';",
        "export { splitLines } from './server/src/engine/text/lines';",
        "export { splitFields } from './server/src/engine/parse/fields';",
        "export { check, parseReport } from './server/src/engine';",
      ].join('\n'),
      resolveDir: ROOT, loader: 'ts',
    },
    outfile: STAGES_BUNDLE,
    bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning',
  });
  return createRequire(import.meta.url)(STAGES_BUNDLE);
}

/** The engine module ({ check, parseReport, … }) from the bundle. */
export function loadEngine() {
  return createRequire(import.meta.url)(ENGINE_BUNDLE);
}
