/**
 * `npm ci` prints no warning a newcomer has to puzzle over: no EBADENGINE (every installed package accepts the
 * running Node; docx's nanoid 6, which wants Node 22, is overridden to nanoid 5: docx bundles its own copy and
 * never loads it) and no "install scripts not covered by allowScripts" (npm 11: package.json allowScripts runs
 * esbuild's binary check and skips @vscode/vsce-sign's download and keytar's native build, which packaging
 * without signing or a stored login never uses).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const ROOT = join(__dirname, '..', '..');
const requireHere = createRequire(__filename);
const semver = requireHere('semver') as { satisfies(version: string, range: string): boolean };

function* packageJsons(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) { yield* packageJsons(join(dir, name)); continue; }
    const pkg = join(dir, name, 'package.json');
    if (existsSync(pkg)) yield pkg;
    yield* packageJsons(join(dir, name, 'node_modules'));
  }
}

test('every installed package accepts this Node (no EBADENGINE)', () => {
  const refusing: string[] = [];
  for (const file of packageJsons(join(ROOT, 'node_modules'))) {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string; engines?: { node?: unknown } };
    const range = pkg.engines?.node;
    if (typeof range === 'string' && !semver.satisfies(process.version, range)) refusing.push(`${pkg.name}@${pkg.version} wants node ${range}`);
  }
  assert.deepEqual(refusing, []);
});

test('every install script is approved or denied in allowScripts (npm install-scripts ls)', () => {
  const probe = spawnSync('npm', ['install-scripts', '--help'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  if (probe.status !== 0) return; // an npm before allowScripts: nothing to warn about
  const r = spawnSync('npm', ['install-scripts', 'ls'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /No packages with unreviewed install scripts/);
});
