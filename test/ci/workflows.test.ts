/**
 * The GitHub workflows (.github/workflows/) and the users' example (docs/examples/xxgk-check.yml): every action
 * on its current major (Node 24 runtimes; Node 20 is past its end of life), CI running .ci/run itself, and each
 * publish step of the release workflow skipping with a notice when its token is absent — run here as written,
 * with no token, so the skip is shown to work rather than read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');
const read = (p: string) => readFileSync(p, 'utf8');
const FILES = [...readdirSync(WORKFLOWS).map((f) => join(WORKFLOWS, f)), join(ROOT, 'docs', 'examples', 'xxgk-check.yml')];

/** The current major of each action used (December 2026; each runs on Node 24). */
const CURRENT: Readonly<Record<string, number>> = {
  'actions/checkout': 6,
  'actions/setup-node': 6,
  'actions/upload-artifact': 6,
  'github/codeql-action/upload-sarif': 4,
};

/** The steps of a workflow (YAML list items under `steps:`), each as its lines, indentation kept. */
function steps(yaml: string): { name: string; run: string; env: string }[] {
  const out: { name: string; run: string; env: string }[] = [];
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)- (name|uses|run): ?(.*)$/.exec(lines[i]);
    if (!m) continue;
    const indent = m[1].length;
    const block = [lines[i].replace('- ', '  ')];
    for (let j = i + 1; j < lines.length && (lines[j].trim() === '' || /^\s*/.exec(lines[j])![0].length > indent); j++) block.push(lines[j]);
    const text = block.join('\n');
    const name = /^\s*name: (.+)$/m.exec(text)?.[1] ?? '';
    const runBlock = /^(\s*)run: \|\n((?:\1 {2}.*\n?|\s*\n)+)/m.exec(text);
    const runLine = /^\s*run: (?!\|)(.+)$/m.exec(text);
    const run = runBlock ? runBlock[2].split('\n').map((l) => l.slice(runBlock[1].length + 2)).join('\n') : runLine?.[1] ?? '';
    out.push({ name, run, env: /^\s*env:\n((?:\s{4,}.+\n)+)/m.exec(text)?.[1] ?? '' });
  }
  return out;
}

test('every action is on its current major; no workflow asks for Node 20', () => {
  for (const file of FILES) {
    const yaml = read(file);
    for (const [, action, ref] of yaml.matchAll(/uses: ([\w./-]+)@(\S+)/g)) {
      assert.ok(action in CURRENT, `${file}: ${action} is not in the list of known actions`);
      assert.equal(ref, `v${CURRENT[action]}`, `${file}: ${action}@${ref}`);
    }
    assert.doesNotMatch(yaml, /node-version: ['"]?20\b|node:20/, `${file} asks for Node 20`);
  }
});

test('CI runs .ci/run itself (the same steps), in Debian as root for the e2e test’s apt installs', () => {
  const ci = read(join(WORKFLOWS, 'ci.yml'));
  assert.match(ci, /^\s+run: bash \.ci\/run$/m);
  assert.match(ci, /container: node:2[2-9]-(bookworm|trixie)/);
  const run = read(join(ROOT, '.ci', 'run'));
  for (const step of ['npm ci', 'npm test', 'npm run test:install', 'npm run release', 'npm run test:e2e']) {
    assert.match(run, new RegExp(`step "${step}"`), `.ci/run has the step ${step}`);
  }
  assert.match(run, /sha256sum -c SHA256SUMS/);
});

test('the release workflow tests, packages, verifies the checksums, publishes with provenance and attaches the files', () => {
  const release = read(join(WORKFLOWS, 'release.yml'));
  assert.match(release, /tags: \['v\*'\]/);
  assert.match(release, /id-token: write/, 'npm provenance needs an OIDC token');
  const all = steps(release).map((s) => s.run).join('\n');
  for (const needed of ['npm test', 'npm run -s release', 'sha256sum -c SHA256SUMS', 'vsce publish', 'ovsx@0 publish', 'npm publish release/xxgk-check-*.tgz --provenance', 'gh release create "$GITHUB_REF_NAME" release/*']) {
    assert.ok(all.includes(needed), `the release workflow runs ${needed}`);
  }
});

test('each publish step, run as written without its token, skips with a notice and succeeds', { skip: process.platform === 'win32' ? 'bash' : false }, () => {
  const publishing = steps(read(join(WORKFLOWS, 'release.yml'))).filter((s) => /publish/.test(s.run));
  assert.equal(publishing.length, 3, 'Marketplace, Open VSX, npm');
  for (const step of publishing) {
    const token = /^\s+(\w+): \$\{\{ secrets\.\w+ \}\}$/m.exec(step.env)?.[1];
    assert.ok(token, `${step.name}: its token comes from a secret`);
    const env = { ...process.env, [token]: '' };
    const r = spawnSync('bash', ['-e', '-c', step.run], { cwd: ROOT, env, encoding: 'utf8' });
    assert.equal(r.status, 0, `${step.name}: ${r.stderr}`);
    assert.match(r.stdout, /^::notice title=[^:]+::\w+ is not set/m, step.name);
  }
});

test('the release notes are the version’s section of a Keep a Changelog file; CHANGELOG.md has that form', { skip: process.platform === 'win32' ? 'bash' : false }, () => {
  const release = read(join(WORKFLOWS, 'release.yml'));
  const step = steps(release).find((s) => s.run.includes('gh release create'));
  assert.ok(step);
  const awk = step.run.split('\n').find((l) => l.startsWith('awk '));
  assert.ok(awk);
  assert.match(release, /grep -q "\^## \\\[\$version\\\]" CHANGELOG\.md/, 'a tag without its changelog section fails');
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-notes-'));
  try {
    writeFileSync(join(dir, 'CHANGELOG.md'), [
      '# Changelog', '', '## [Unreleased]', '', '- next', '', '## [0.2.0] - 2027-01-02', '', '### Added', '', '- two', '',
      '## [0.1.0] - 2026-12-20', '', '### Added', '', '- one', '',
    ].join('\n'));
    const r = spawnSync('bash', ['-c', awk.replace(/ > release-notes\.md$/, '')], { cwd: dir, env: { ...process.env, version: '0.2.0' }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), '### Added\n\n- two');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const changelog = read(join(ROOT, 'CHANGELOG.md'));
  assert.match(changelog, /^## \[Unreleased\]$/m);
  for (const [, heading] of changelog.matchAll(/^## (.+)$/gm)) assert.match(heading, /^\[Unreleased\]$|^\[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/, heading);
  for (const [, heading] of changelog.matchAll(/^### (.+)$/gm)) {
    assert.match(heading, /· (Added|Changed|Deprecated|Removed|Fixed|Security)$/, `Keep a Changelog’s kinds of change: ${heading}`);
  }
});
