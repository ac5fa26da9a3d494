/**
 * `npm run build:web`: the checker as ONE self-contained page, dist/web/xxgk-check.html — the page's script,
 * its style and its Web Worker (the engine, the converters, pdf.js parsing in that worker's thread) inlined; no
 * URL of any kind to load. A strict Content-Security-Policy: nothing but the page's own script and style (by
 * their hashes) and a worker made from a blob: of the page's own text; no connection anywhere.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
/** The budget for the one file: it is e-mailed and put on intranet shares. */
export const MAX_PAGE_BYTES = 6 * 1024 * 1024;

/** Node-only modules of the converters and the browser's own in their place. */
const browserSwaps = {
  name: 'browser-swaps',
  setup(b) {
    b.onResolve({ filter: /\/gb18030$/ }, (args) => (args.importer.endsWith(join('convert', 'html.ts'))
      ? { path: join(HERE, 'src/files/gb18030.ts') } : undefined));
  },
};

const common = {
  bundle: true, platform: 'browser', format: 'iife', target: ['chrome109', 'firefox115'], minify: true, write: false,
  logLevel: 'warning', legalComments: 'none', charset: 'utf8',
  // pdf.js's modern build (the legacy one is for old browsers and Node): the same API, a third smaller.
  alias: { 'pdfjs-dist/legacy/build/pdf.mjs': 'pdfjs-dist/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs': 'pdfjs-dist/build/pdf.worker.mjs' },
  define: { 'process.env.NODE_ENV': '"production"' },
};

function text(result) {
  return result.outputFiles.map((f) => f.text).join('');
}

const sha256 = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** A script's text made safe inside <script>: no `</script` can close the element early. */
const inScript = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

export async function buildWeb(outdir = join(ROOT, 'dist', 'web')) {
  const worker = text(await build({ ...common, entryPoints: [join(HERE, 'src/worker.ts')], plugins: [browserSwaps] }));
  const workerSource = {
    name: 'worker-source',
    setup(b) {
      b.onResolve({ filter: /^virtual:worker-source$/ }, () => ({ path: 'worker-source', namespace: 'worker-source' }));
      b.onLoad({ filter: /.*/, namespace: 'worker-source' }, () => ({ contents: `export default ${JSON.stringify(worker)};`, loader: 'js' }));
    },
  };
  const script = inScript(text(await build({ ...common, entryPoints: [join(HERE, 'src/page/main.ts')], plugins: [workerSource] })));
  const style = readFileSync(join(HERE, 'src/page/style.css'), 'utf8');
  const shell = readFileSync(join(HERE, 'src/page/shell.html'), 'utf8');
  const csp = [
    "default-src 'none'", `script-src ${sha256(script)}`, `style-src ${sha256(style)}`, 'worker-src blob:',
    "img-src data:", "base-uri 'none'", "form-action 'none'",
  ].join('; ');
  const html = shell
    .replace('%CSP%', () => csp)
    .replace('%STYLE%', () => style)
    .replace('%SCRIPT%', () => script);
  mkdirSync(outdir, { recursive: true });
  const out = join(outdir, 'xxgk-check.html');
  writeFileSync(out, html);
  const bytes = Buffer.byteLength(html);
  if (bytes > MAX_PAGE_BYTES) throw new Error(`${out}: ${bytes} bytes, over the ${MAX_PAGE_BYTES} budget`);
  return { out, bytes, workerBytes: Buffer.byteLength(worker) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { out, bytes, workerBytes } = await buildWeb();
  console.log(`${out}: ${(bytes / 1024 / 1024).toFixed(2)} MB (worker ${(workerBytes / 1024 / 1024).toFixed(2)} MB)`);
}
