/**
 * pre-commit installs a `language: node` hook the way it installs any node hook (pre-commit's languages/node.py):
 * in a clone of the repository, `npm install` (dev dependencies included), then `npm pack`, whose standard
 * output it takes as the tarball's file name, then `npm install -g <that file>` into the hook's environment
 * (NPM_CONFIG_PREFIX). This test does the same in a copy of the working tree (the files git tracks or would
 * add), then runs `xxgk-check --version` and the hook's command line from .pre-commit-hooks.yaml.
 *
 * `npm install` in the copy takes the packages from npm's cache (--prefer-offline): the project's own
 * `npm ci` has filled it. A whole dependency install takes one to three minutes, so this suite is not part of
 * `npm test`: `npm run test:install` runs it, and CI (.ci/run, .github/workflows/ci.yml) runs that.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { ROOT, SAMPLE, sampleText, tempDir, writeTree } from '../cli/support/cli';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function sh(cmd: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32', ...options });
  if (r.error) throw r.error;
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The working tree as a fresh clone has it: tracked files and new files git would add, no node_modules or dist. */
function copyWorkingTree(to: string): void {
  const r = sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  assert.equal(r.code, 0, r.stderr);
  for (const file of r.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted, not yet committed
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(ROOT, file), join(to, file));
  }
}

test('pre-commit’s node install: npm install in a clone, npm pack’s stdout is the file name, npm install -g it; --version and the hook’s command line run', { skip: process.platform === 'win32' ? 'pre-commit’s node hooks are tested on POSIX' : false }, () => {
  const t = tempDir('xxgk-precommit-');
  try {
    const clone = join(t.dir, 'repo');
    copyWorkingTree(clone);
    assert.ok(!existsSync(join(clone, 'dist')), 'a clone has no bundles');
    const env = (prefix: string): NodeJS.ProcessEnv => ({
      ...process.env, NPM_CONFIG_PREFIX: prefix, npm_config_prefix: prefix,
      PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH ?? ''}`, FORCE_COLOR: undefined, NO_COLOR: undefined,
    });
    const hookEnv = env(join(t.dir, 'node_env'));

    // pre-commit: npm install --include=dev --include=prod --ignore-prepublish --no-progress --no-save
    const install = sh(NPM, ['install', '--include=dev', '--include=prod', '--no-progress', '--no-save', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: clone, env: hookEnv });
    assert.equal(install.code, 0, `${install.stdout}\n${install.stderr}`);
    assert.ok(existsSync(join(clone, 'dist', 'cli.js')), 'npm install ran prepare: the bundles are built');

    // pre-commit: _, pkg, _ = cmd_output('npm', 'pack', cwd=...); pkg = prefix.path(pkg.strip())
    const pack = sh(NPM, ['pack'], { cwd: clone, env: hookEnv });
    assert.equal(pack.code, 0, pack.stderr);
    assert.equal(pack.stdout.trim(), `xxgk-report-${VERSION}.tgz`, 'standard output is the file name alone');
    const tarball = join(clone, pack.stdout.trim());
    assert.ok(existsSync(tarball));

    // pre-commit: npm install -g <pkg>
    const global = sh(NPM, ['install', '-g', '--no-audit', '--no-fund', '--offline', tarball], { cwd: clone, env: hookEnv });
    assert.equal(global.code, 0, `${global.stdout}\n${global.stderr}`);
    const version = sh('xxgk-check', ['--version'], { cwd: t.dir, env: hookEnv });
    assert.deepEqual([version.code, version.stdout, version.stderr], [0, `${VERSION}\n`, '']);

    const hooks = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const entry = /^\s+entry: (.+)$/m.exec(hooks)?.[1];
    assert.ok(entry);
    const work = join(t.dir, 'project');
    writeTree(work, { '报告/甲局2019年度报告.txt': sampleText(SAMPLE.s004), '报告/乙局2021年报.txt': sampleText(SAMPLE.s002) });
    const [cmd, ...args] = entry.split(/\s+/);
    const blocked = sh(cmd, [...args, '报告/甲局2019年度报告.txt', '报告/乙局2021年报.txt'], { cwd: work, env: hookEnv });
    assert.equal(blocked.code, 1, 'sample 004 has errors: the commit is blocked');
    assert.match(blocked.stdout, /甲局2019年度报告\.txt/);
    const clean = sh(cmd, [...args, '报告/乙局2021年报.txt'], { cwd: work, env: hookEnv });
    assert.equal(clean.code, 0, clean.stdout);
  } finally {
    t.remove();
  }
});
