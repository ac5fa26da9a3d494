/**
 * `npm run demo` (README's first command) checks every bundled sample and ends with a line counting every
 * file checked, those without findings too, in either language.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, SAMPLES } from './support/cli';

test('npm run demo checks samples/*.txt and its last line counts every file checked', () => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  assert.match(scripts.demo, /node dist\/cli\.js samples\/\*\.txt/);
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(samples.length, 5);
  const zh = runCli(samples, { cwd: SAMPLES });
  assert.equal(zh.code, 1, 'some samples have errors');
  const lines = zh.stdout.trimEnd().split('\n');
  assert.equal(lines.at(-1), '  共检查 5 个文件');
  // Three samples have findings: the count is not theirs.
  assert.equal(samples.filter((s) => zh.stdout.includes(s)).length, 3);
  const en = runCli(['--locale', 'en', ...samples], { cwd: SAMPLES });
  assert.equal(en.stdout.trimEnd().split('\n').at(-1), '  5 files checked');
  const one = runCli(['--locale', 'en', samples[4]], { cwd: SAMPLES });
  assert.equal(one.stdout.trimEnd().split('\n').at(-1), '  1 file checked');
});
