/**
 * THIRD-PARTY-NOTICES.md is what scripts/third-party-notices.mjs writes from the production bundles' inputs
 * today: a dependency added to a bundle, or one updated, fails here until the notices are regenerated. Both
 * packages list it (the extension's `files`, scripts/cli-package.mjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_FILES } from '../../scripts/cli-package.mjs';

const ROOT = join(__dirname, '..', '..');

test('THIRD-PARTY-NOTICES.md is current (node scripts/third-party-notices.mjs --check) and names pdf.js under Apache-2.0', () => {
  const r = spawnSync(process.execPath, ['scripts/third-party-notices.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(join(ROOT, 'THIRD-PARTY-NOTICES.md'), 'utf8');
  assert.match(text, /^\| pdfjs-dist \| [\d.]+ \| Apache-2\.0 \|$/m);
  assert.match(text, /Apache License\s+Version 2\.0/, 'the licence text itself');
  for (const notBundled of ['exceljs', 'typescript', 'esbuild']) assert.doesNotMatch(text, new RegExp(`^## ${notBundled} `, 'm'), notBundled);
});

test('both packages ship the notices', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
  assert.ok(manifest.files.includes('THIRD-PARTY-NOTICES.md'), 'the .vsix');
  assert.ok(CLI_FILES.includes('THIRD-PARTY-NOTICES.md'), 'the npm package');
});
