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

/** The engine module ({ check, parseReport, … }) from the bundle. */
export function loadEngine() {
  return createRequire(import.meta.url)(ENGINE_BUNDLE);
}
