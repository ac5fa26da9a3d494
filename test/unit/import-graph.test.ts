/**
 * The shape of the code, read from its imports: no import loop anywhere in server/src and client/src; the
 * engine entered only through engine/index.ts from outside it, and pure inside; within the engine nothing
 * imports upward (queries below rules, rules below the editor requests); LSP features import the checker
 * and to-lsp.ts, never one another. A small scanner, no dependency: every `import … from`, `export … from`,
 * `import('…')` and `require('…')` with a relative path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const ROOT = join(__dirname, '../..');
const SOURCES = ['server/src', 'client/src'];

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Module specifiers of a TypeScript file; comments removed first so that examples in them do not count. */
function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

const rel = (abs: string) => relative(ROOT, abs).split(sep).join('/');

/** The file a relative specifier names (`x` → `x.ts` or `x/index.ts`), or null for a package or a JSON file. */
function resolveFrom(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = join(dirname(file), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return rel(candidate);
  if (/\.json$/.test(spec) && existsSync(base)) return null;
  throw new Error(`${rel(file)}: cannot resolve ${spec}`);
}

interface Edge { readonly from: string; readonly to: string; readonly spec: string }

const FILES = SOURCES.flatMap((s) => filesUnder(join(ROOT, s)));
const EDGES: Edge[] = FILES.flatMap((file) => specifiers(readFileSync(file, 'utf8')).map((spec) => ({ from: rel(file), to: resolveFrom(file, spec) ?? '', spec })));
const LOCAL = EDGES.filter((e) => e.to !== '');

/** An import loop, as the list of files around it, or null. */
function findLoop(edges: readonly { from: string; to: string }[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const to of next.get(node) ?? []) {
      const loop = visit(to);
      if (loop) return loop;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of next.keys()) {
    const loop = visit(node);
    if (loop) return loop;
  }
  return null;
}

const ENGINE = 'server/src/engine/';
const inEngine = (f: string) => f.startsWith(ENGINE);

test('the scanner sees every kind of import, and not those in comments', () => {
  const found = specifiers([
    "import { a } from './a';",
    "import type { B } from '../b';",
    'import {\n  c,\n  d,\n} from "./c";',
    "export { e } from './e';",
    "export * from './f';",
    "import './g';",
    "const h = await import('./h');",
    "const i = require('./i');",
    "// import { x } from './commented';",
    "/* export * from './block'; */",
    "const url = 'http://example.org/x'; // a URL is not a comment's start",
    "import { j } from './j'; // see http://example.org",
  ].join('\n'));
  assert.deepEqual(found.sort(), ['../b', './a', './c', './e', './f', './g', './h', './i', './j']);
});

test('the loop finder finds a loop and only a loop', () => {
  assert.deepEqual(findLoop([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }]), ['a', 'b', 'c', 'a']);
  assert.equal(findLoop([{ from: 'a', to: 'b' }, { from: 'a', to: 'c' }, { from: 'b', to: 'c' }]), null);
});

test('no import loop in server/src or client/src', () => {
  assert.ok(FILES.length > 50 && LOCAL.length > 100, 'the scanner read the sources');
  const loop = findLoop(LOCAL);
  assert.equal(loop, null, `import loop: ${loop?.join(' → ')}`);
});

test('outside the engine, the engine is imported through engine/index.ts only', () => {
  const bad = LOCAL.filter((e) => !inEngine(e.from) && inEngine(e.to) && e.to !== `${ENGINE}index.ts`);
  assert.deepEqual(bad.map((e) => `${e.from} imports ${e.spec}`), []);
});

test('the engine is pure: no vscode, no LSP, no file system', () => {
  const impure = EDGES.filter((e) => inEngine(e.from) && /^(vscode|vscode-languageserver|vscode-languageclient)(\/|$)|^(node:)?(fs|child_process|net|http)(\/|$)/.test(e.spec));
  assert.deepEqual(impure.map((e) => `${e.from} imports ${e.spec}`), []);
});

test('inside the engine nothing imports upward: queries below rules, rules below check.ts, editor requests on queries', () => {
  const forbidden = (from: string, to: string): boolean => {
    const under = (f: string, folder: string) => f.startsWith(`${ENGINE}${folder}/`);
    const check = `${ENGINE}check.ts`;
    if (under(from, 'query')) return under(to, 'rules') || under(to, 'language-features') || to === check;
    if (under(from, 'rules')) return under(to, 'language-features') || to === check;
    // The editor requests read queries; of the rules only the types of what they report.
    if (under(from, 'language-features')) return under(to, 'rules') && to !== `${ENGINE}rules/types.ts`;
    return false;
  };
  const upward = LOCAL.filter((e) => forbidden(e.from, e.to));
  assert.deepEqual(upward.map((e) => `${e.from} imports ${e.spec}`), []);
});

test('LSP features import the checker and to-lsp.ts, never one another', () => {
  const FEATURES = 'server/src/features/';
  const shared = ['checker.ts', 'document-cache.ts', 'settings.ts', 'previous-reports.ts', 'guard.ts', 'to-lsp.ts'].map((f) => FEATURES + f);
  const bad = LOCAL.filter((e) => e.from.startsWith(FEATURES) && e.to.startsWith(FEATURES) && !shared.includes(e.to));
  assert.deepEqual(bad.map((e) => `${e.from} imports ${e.spec}`), []);
});

/** The rooms of server/src and client/src by path; a file outside them is `server` (server.ts) or `client`. */
function roomOf(file: string): string {
  const m = /^server\/src\/([^/]+)\//.exec(file);
  if (m) return m[1];
  if (file === 'server/src/protocol.ts') return 'protocol';
  if (file.startsWith('server/src/')) return 'server';
  return file.startsWith('client/src/') ? 'client' : 'other';
}

test('nothing outside cli/ imports cli/: the CLI is a front end, not a library (issue 22)', () => {
  const bad = LOCAL.filter((e) => roomOf(e.from) !== 'cli' && roomOf(e.to) === 'cli');
  assert.deepEqual(bad.map((e) => `${e.from} imports ${e.spec}`), []);
});

test('no arrow back up: engine, config, files, render and protocol.ts never import a front end or the features', () => {
  const lower = new Set(['engine', 'config', 'files', 'render', 'convert', 'messages', 'protocol']);
  const upper = new Set(['cli', 'features', 'client', 'server']);
  const bad = LOCAL.filter((e) => lower.has(roomOf(e.from)) && upper.has(roomOf(e.to)));
  assert.deepEqual(bad.map((e) => `${e.from} imports ${e.spec}`), []);
});

test('front ends never import one another: the client takes only pure shared modules from server/src', () => {
  const shared = (to: string) => ['server/src/protocol.ts', 'server/src/engine/index.ts', 'server/src/files/identify.ts', 'server/src/config/glob.ts'].includes(to)
    || to.startsWith('server/src/render/');
  const fromClient = LOCAL.filter((e) => roomOf(e.from) === 'client' && e.to.startsWith('server/src/') && !shared(e.to));
  assert.deepEqual(fromClient.map((e) => `${e.from} imports ${e.spec}`), []);
  const between = LOCAL.filter((e) => (roomOf(e.from) === 'cli' && ['features', 'client', 'server'].includes(roomOf(e.to)))
    || (roomOf(e.from) === 'features' && roomOf(e.to) === 'client'));
  assert.deepEqual(between.map((e) => `${e.from} imports ${e.spec}`), []);
});

test('the modules the client shares are pure: no node:, vscode or LSP import in files/identify.ts, config/glob.ts and render/', () => {
  const pure = (f: string) => f === 'server/src/files/identify.ts' || f === 'server/src/config/glob.ts' || f.startsWith('server/src/render/');
  const impure = EDGES.filter((e) => pure(e.from) && (/^(vscode|vscode-languageserver|vscode-languageclient)(\/|$)|^node:|^(fs|path|child_process)$/.test(e.spec) || (e.to !== '' && !pure(e.to) && e.to !== 'server/src/engine/index.ts')));
  assert.deepEqual(impure.map((e) => `${e.from} imports ${e.spec}`), []);
});
