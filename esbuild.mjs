// Bundles the language server, the VS Code client and the CLI into dist/.
import { build, context } from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';

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

/**
 * iconv-lite (its code tables are half a megabyte) lives once, in dist/iconv.js, required at run time by the
 * bundles beside it: the CLI (files/read.ts, loaded on first use), the language server and the converters
 * (convert.mjs, whose banner provides `require`). Each import of `iconv-lite` becomes a small module that
 * requires ./iconv.js; esbuild's CommonJS wrapper keeps that require lazy until the module is first used.
 */
const iconvShared = {
  name: 'iconv-shared',
  setup(b) {
    b.onResolve({ filter: /^iconv-lite$/ }, () => ({ path: 'iconv-lite', namespace: 'iconv-shared' }));
    b.onLoad({ filter: /.*/, namespace: 'iconv-shared' }, () => ({ contents: "module.exports = require('./iconv.js');", loader: 'js' }));
    b.onResolve({ filter: /^\.\/iconv\.js$/, namespace: 'iconv-shared' }, () => ({ path: './iconv.js', external: true }));
  },
};

/**
 * dist/iconv.js holds the Chinese and Unicode encodings only: the reports are GBK/GB18030 or UTF-8/16, and
 * nothing here asks iconv-lite for another (files/read.ts: gb18030; convert/html.ts: the gbk family and
 * utf-16). The Japanese, Korean and Big5 tables and the generated single-byte tables (370 KB of the 480) are
 * left out: the single-byte names become unknown encodings, a table left out throws when first asked for.
 */
const ICONV_LEFT_OUT = /[\\/]encodings[\\/](tables[\\/](cp949|cp950|eucjp|shiftjis|big5-added)\.json|sbcs-data-generated\.js)$/;
const iconvChineseOnly = {
  name: 'iconv-chinese-only',
  setup(b) {
    b.onLoad({ filter: ICONV_LEFT_OUT }, (args) => ({
      loader: 'js',
      contents: args.path.endsWith('.js')
        ? 'module.exports = {};'
        : `throw new Error('xxgk-report bundles the Chinese encodings of iconv-lite only, not ${args.path.replace(/.*[\\/]/, '')}');`,
    }));
  },
};

const entries = [
  // jsonc-parser's `main` is a UMD build whose lazy requires esbuild cannot follow: bundle its ESM build.
  { entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js`, alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' }, plugins: [iconvShared] },
  { entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' }, plugins: [iconvShared] },
  { entryPoints: ['node_modules/iconv-lite/lib/index.js'], outfile: `${outdir}/iconv.js`, plugins: [iconvChineseOnly] },
  // The converters of published files (pdf.js is ESM and large): a separate process, started only for them.
  {
    entryPoints: ['server/src/convert/main.ts'], outfile: `${outdir}/convert.mjs`, format: 'esm',
    external: ['canvas', '@napi-rs/canvas', 'path2d'], plugins: [iconvShared],
    banner: { js: "import { createRequire as __xxgkRequire } from 'node:module'; const require = __xxgkRequire(import.meta.url);" },
  },
].filter((e) => existsSync(e.entryPoints[0]));

// `--sizes`: each bundle's size and its largest inputs by package (esbuild's metafile), on standard error.
const sizes = process.argv.includes('--sizes');
// `--metafile FILE`: every bundle's inputs and outputs in one esbuild metafile (scripts/third-party-notices.mjs).
const metafileIndex = process.argv.indexOf('--metafile');
const metafile = metafileIndex >= 0 ? process.argv[metafileIndex + 1] : undefined;

/** The bytes each package (or source folder) adds to a bundle, largest first. */
function inputsByPackage(output) {
  const byPackage = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1] : file.split('/').slice(0, 3).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]);
}

if (watch) {
  for (const e of entries) (await context({ ...common, ...e })).watch();
} else {
  const results = await Promise.all(entries.map((e) => build({ ...common, ...e, metafile: sizes || metafile !== undefined })));
  if (metafile) {
    const merged = { inputs: {}, outputs: {} };
    for (const r of results) {
      Object.assign(merged.inputs, r.metafile.inputs);
      Object.assign(merged.outputs, r.metafile.outputs);
    }
    writeFileSync(metafile, JSON.stringify(merged));
  }
  if (sizes) {
    for (const r of results) {
      for (const [file, output] of Object.entries(r.metafile.outputs)) {
        if (file.endsWith('.map')) continue;
        const top = inputsByPackage(output).slice(0, 6).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KB`).join(', ');
        process.stderr.write(`${file}: ${(output.bytes / 1024).toFixed(0)} KB (${top})\n`);
      }
    }
  }
}
