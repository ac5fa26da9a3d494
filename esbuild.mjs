// Bundles the language server, the VS Code client and the CLI into dist/.
import { build, context } from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--outdir DIR`: bundle elsewhere than dist/ (the packaging test builds a package in a temporary folder).
const outdirIndex = process.argv.indexOf('--outdir');
const outdir = outdirIndex >= 0 ? process.argv[outdirIndex + 1] : 'dist';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

/** In cli.js, the dynamic import of the xlsx format stays a require of cli-xlsx.js beside it. */
const xlsxApart = {
  name: 'xlsx-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/xlsx$/ }, (args) => (args.importer.endsWith('formats/index.ts') && args.kind === 'dynamic-import'
      ? { path: './cli-xlsx.js', external: true } : undefined));
  },
};

/** In cli.js, iconv-lite (loaded on first use by files/read.ts) stays a require of cli-iconv.js beside it. */
const iconvApart = {
  name: 'iconv-apart',
  setup(b) {
    b.onResolve({ filter: /^iconv-lite$/ }, (args) => (args.kind === 'require-call' && args.importer.endsWith('files/read.ts')
      ? { path: './cli-iconv.js', external: true } : undefined));
  },
};

const entries = [
  // jsonc-parser's `main` is a UMD build whose lazy requires esbuild cannot follow: bundle its ESM build.
  { entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js`, alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' } },
  { entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' }, plugins: [xlsxApart, iconvApart] },
  { entryPoints: ['node_modules/iconv-lite/lib/index.js'], outfile: `${outdir}/cli-iconv.js` },
  // --format xlsx's writer (exceljs, two thirds of the CLI): its own file, required by cli.js only for that format.
  { entryPoints: ['server/src/cli/formats/xlsx.ts'], outfile: `${outdir}/cli-xlsx.js` },
  // The converters of published files (pdf.js is ESM and large): a separate process, started only for them.
  {
    entryPoints: ['server/src/convert/main.ts'], outfile: `${outdir}/convert.mjs`, format: 'esm',
    external: ['canvas', '@napi-rs/canvas', 'path2d'],
    banner: { js: "import { createRequire as __xxgkRequire } from 'node:module'; const require = __xxgkRequire(import.meta.url);" },
  },
].filter((e) => existsSync(e.entryPoints[0]));

if (watch) {
  for (const e of entries) (await context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => build({ ...common, ...e })));
}
