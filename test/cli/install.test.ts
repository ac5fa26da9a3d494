/**
 * The CLI installs on its own: its npm package, `xxgk-check` (scripts/cli-package.mjs, what `npm run release`
 * packs and publishes), holds the production bundles the CLI runs and the documents it reads (rule pages,
 * schema) and nothing else — no sources, tests, source maps or editor-only files — and `npm install -g` of it
 * into an empty prefix, offline and with an empty npm cache, gives a working `xxgk-check`. The pre-commit hook's
 * command line and the example workflow's command lines then run as written with that `xxgk-check` on the PATH.
 * The extension's own package (the manifest's `files`) is checked by plain `vsce package`.
 *
 * The packages are built in a temporary folder (production bundles there, the packed files copied), so that the
 * project's own dist/, which the other suites run, is never rewritten under them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { ROOT, SAMPLE, sampleText, tempDir, writeTree } from './support/cli';
import { CLI_PACKAGE_NAME, stageCliPackage } from '../../scripts/cli-package.mjs';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function sh(cmd: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw r.error;
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** What the extension's manifest packs (the `files` list and npm's own rules), without running scripts. */
function packedFiles(): string[] {
  const r = sh(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}

interface Installed {
  readonly tarball: string;
  readonly entries: readonly string[];
  readonly bin: string;
  readonly env: NodeJS.ProcessEnv;
  readonly root: string;
}

let installed: Installed | undefined;
const t = tempDir('xxgk-install-');
test.after(() => t.remove());

/** Packs and installs once for the tests of this file. */
function install(): Installed {
  if (installed) return installed;
  const pkg = join(t.dir, 'pkg');
  for (const file of packedFiles().filter((f) => !f.startsWith('dist/'))) {
    mkdirSync(dirname(join(pkg, file)), { recursive: true });
    cpSync(join(ROOT, file), join(pkg, file));
  }
  const build = sh(process.execPath, ['esbuild.mjs', '--production', '--outdir', join(pkg, 'dist')], { cwd: ROOT });
  assert.equal(build.code, 0, build.stderr);
  const cli = join(t.dir, 'cli-package');
  stageCliPackage({ root: ROOT, out: cli, dist: join(pkg, 'dist') });
  const pack = sh(NPM, ['pack', '--json', '--pack-destination', t.dir], { cwd: cli });
  assert.equal(pack.code, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  const tarball = join(t.dir, info.filename);
  assert.equal(info.filename, `${CLI_PACKAGE_NAME}-${VERSION}.tgz`);

  const prefix = join(t.dir, 'prefix');
  // Offline, with an empty cache: the install must need nothing but the tarball.
  const r = sh(NPM, ['install', '-g', '--prefix', prefix, '--offline', '--cache', join(t.dir, 'npm-cache'), '--no-audit', '--no-fund', tarball], { cwd: t.dir });
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  const binDir = process.platform === 'win32' ? prefix : join(prefix, 'bin');
  const env = { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`, FORCE_COLOR: undefined, NO_COLOR: undefined };
  installed = { tarball, entries: info.files.map((f) => f.path), bin: join(binDir, 'xxgk-check'), env, root: join(t.dir, 'work') };
  mkdirSync(installed.root, { recursive: true });
  return installed;
}

test('the CLI package xxgk-check ships the CLI’s bundles, rule pages, schema and notices; no editor-only file, source or source map', () => {
  const { entries } = install();
  for (const needed of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'THIRD-PARTY-NOTICES.md', 'dist/cli.js', 'dist/iconv.js', 'dist/convert.mjs', 'docs/rules/README.md', 'docs/rules/row-total.md', 'schemas/xxgkrc.schema.json']) {
    assert.ok(entries.includes(needed), `ships ${needed}`);
  }
  for (const path of entries) {
    assert.doesNotMatch(path, /\.ts$|\.map$|^test\/|^server\/|^client\/|^bench\/|^scripts\/|node_modules/, `does not ship ${path}`);
    // What only the editor reads: the client and server bundles, the client's strings, walkthrough, grammar, icon.
    assert.doesNotMatch(path, /^dist\/(extension|server)\.js$|^l10n\/|^media\/|^syntaxes\/|^images\/|^samples\/|^package\.nls/, `no editor-only ${path}`);
  }
  const manifest = JSON.parse(readFileSync(join(t.dir, 'cli-package', 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(manifest.name, 'xxgk-check', 'the command’s name: npx xxgk-check');
  assert.equal(manifest.private, undefined, 'publishable');
  assert.deepEqual(manifest.bin, { 'xxgk-check': 'dist/cli.js' });
  assert.equal(manifest.scripts, undefined, 'nothing runs on install');
  assert.equal(manifest.dependencies, undefined, 'the bundles hold their dependencies');
  assert.doesNotMatch(readFileSync(join(t.dir, 'pkg', 'dist', 'cli.js'), 'utf8').slice(-200), /sourceMappingURL/, 'a production bundle');
});

test('npm install -g of the tarball into an empty prefix gives xxgk-check: --version, a sample checked from another folder', () => {
  const { bin, env, root } = install();
  assert.ok(existsSync(bin), bin);
  const version = sh(bin, ['--version'], { cwd: root, env });
  assert.deepEqual([version.code, version.stdout, version.stderr], [0, `${VERSION}\n`, '']);

  writeTree(root, { '甲局2019年度报告.txt': sampleText(SAMPLE.s004) });
  const r = sh(bin, ['--format', 'json', '甲局2019年度报告.txt'], { cwd: root, env });
  assert.equal(r.code, 1, r.stderr);
  type Json = { files: { path: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[] };
  const [file] = (JSON.parse(r.stdout) as Json).files;
  // Sample 004's findings (test/fixtures/samples/004_*.expected.json): the blank cell, three (七)总计 and two balance.
  assert.deepEqual(file.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort(), [
    'balance@53', 'balance@53', 'cell-blank@42', 'item-total@52', 'item-total@52', 'item-total@52',
  ]);
  // The rule index shipped with it: SARIF describes rules in words, not by their codes.
  const sarif = sh(bin, ['--format', 'sarif', '甲局2019年度报告.txt'], { cwd: root, env });
  type Sarif = { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } } }[] };
  const rules = (JSON.parse(sarif.stdout) as Sarif).runs[0].tool.driver.rules;
  assert.equal(rules.find((x) => x.id === 'row-total')?.shortDescription.text, '表二行总计 ≠ 各类申请人之和');
});

test('the pre-commit hook’s command line (.pre-commit-hooks.yaml: entry and files) checks the staged reports only', () => {
  const { env, root } = install();
  const hooks = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  const entry = /^\s+entry: (.+)$/m.exec(hooks)?.[1];
  const files = /^\s+files: (.+)$/m.exec(hooks)?.[1];
  assert.ok(entry && files, 'entry and files');
  const dir = join(root, 'precommit');
  writeTree(dir, {
    '报告/乙局2019年度报告.txt': sampleText(SAMPLE.s004),
    '报告/丙局2021年报.txt': sampleText(SAMPLE.s002),
    '报告/说明.txt': '不是年报',
    '年报/notes.md': '# 不是年报',
  });
  const staged = ['报告/乙局2019年度报告.txt', '报告/丙局2021年报.txt', '报告/说明.txt', '年报/notes.md'];
  // pre-commit passes the staged paths that match `files` (Python re.search; this pattern reads the same in JS).
  const selected = staged.filter((p) => new RegExp(files).test(p));
  assert.deepEqual(selected, ['报告/乙局2019年度报告.txt', '报告/丙局2021年报.txt']);
  const [cmd, ...args] = entry.split(/\s+/);
  const r = sh(cmd, [...args, ...selected], { cwd: dir, env });
  assert.equal(r.code, 1, 'sample 004 has errors: the commit is blocked');
  assert.match(r.stdout, /乙局2019年度报告\.txt/);
  const clean = sh(cmd, [...args, '报告/丙局2021年报.txt'], { cwd: dir, env });
  assert.equal(clean.code, 0, clean.stdout);
});

test('the example workflow’s one check (docs/examples/xxgk-check.yml) writes the annotations and the SARIF log of the same run', { skip: process.platform === 'win32' ? 'the workflow runs bash' : false }, () => {
  const { env, root } = install();
  const workflow = readFileSync(join(ROOT, 'docs', 'examples', 'xxgk-check.yml'), 'utf8');
  const runs = [...workflow.matchAll(/^\s+run: (.+)$/gm)].map((m) => m[1]);
  const checks = runs.filter((l) => l.startsWith('xxgk-check '));
  assert.equal(checks.length, 1, 'the reports are checked once');
  const [checkLine] = checks;
  assert.match(checkLine, /--format github/);
  assert.match(checkLine, /--sarif xxgk-check\.sarif/);
  assert.match(workflow, /sarif_file: xxgk-check\.sarif/);
  const reports = /^\s+REPORTS: (\S+)/m.exec(workflow)?.[1];
  assert.ok(reports, 'REPORTS');
  const dir = join(root, 'workflow');
  writeTree(dir, { [`${reports}甲局2019年度报告.txt`]: sampleText(SAMPLE.s004), [`${reports}乙局2021年度报告.txt`]: sampleText(SAMPLE.s002) });

  const check = sh('bash', ['-c', checkLine], { cwd: dir, env: { ...env, REPORTS: reports } });
  assert.equal(check.code, 1, 'errors fail the step');
  // Sample 004’s six findings (see the test above) as annotations and as SARIF results.
  assert.equal(check.stdout.split('\n').filter((l) => l.startsWith('::error ') || l.startsWith('::warning ')).length, 6);
  assert.match(check.stdout, new RegExp(`^::error file=${reports}甲局2019年度报告\\.txt,line=52,`, 'm'));
  const log = JSON.parse(readFileSync(join(dir, 'xxgk-check.sarif'), 'utf8')) as { runs: { artifacts: { location: { uri: string; uriBaseId: string } }[]; results: unknown[] }[] };
  assert.deepEqual(log.runs[0].artifacts.map((a) => [decodeURIComponent(a.location.uri), a.location.uriBaseId]).sort(), [
    [`${reports}乙局2021年度报告.txt`, '%SRCROOT%'], [`${reports}甲局2019年度报告.txt`, '%SRCROOT%'],
  ]);
  assert.equal(log.runs[0].results.length, 6);
  assert.doesNotMatch(JSON.stringify(log), /file:/);
});

test('plain `vsce package` (no workaround flags) accepts the manifest and packs what the extension needs', () => {
  install();
  const pkg = join(t.dir, 'pkg');
  // The production build is already in pkg/dist (what vscode:prepublish makes in the project); the copy has no
  // sources to build from, so its prepublish is dropped here.
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  assert.equal(manifest.scripts['vscode:prepublish'], 'node esbuild.mjs --production');
  delete manifest.scripts['vscode:prepublish'];
  writeTree(pkg, { 'package.json': JSON.stringify(manifest, null, 2) });
  const vsix = join(t.dir, 'xxgk-report.vsix');
  const r = sh(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--out', vsix], { cwd: pkg, env: { ...process.env, FORCE_COLOR: '0' } });
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  assert.ok(existsSync(vsix));
  // The weight budget of issue 26 (2.06 MB before the XLSX writer and the shared, Chinese-only iconv tables).
  assert.ok(statSync(vsix).size <= 1_200_000, `the .vsix is ${statSync(vsix).size} bytes, over 1.2 MB`);
  for (const listed of ['extension.js', 'server.js', 'cli.js', 'iconv.js', 'convert.mjs', 'icon.png', 'xxgkrc.schema.json', '004_fcebe1c6f102ee17.txt', 'LICENSE.txt', 'changelog.md', 'THIRD-PARTY-NOTICES.md', 'bundle.l10n.zh-cn.json']) {
    assert.ok(r.stdout.includes(listed), `the .vsix holds ${listed}`);
  }
  assert.doesNotMatch(r.stdout, /WARNING|\.map\b|\.ts\b/);
});
