/**
 * `--sarif FILE`: one check writes its output format and, beside it, the SARIF log of the same results
 * (the GitHub Actions example: `--format github --sarif r.sarif`); the log equals what `--format sarif` writes,
 * whatever the number of jobs; `--compare` refuses it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, SAMPLE, sampleText, tempDir, writeTree } from './support/cli';

test('--format github --sarif FILE: annotations on stdout, the same run’s SARIF log in FILE, equal to --format sarif’s', () => {
  const t = tempDir();
  try {
    writeTree(t.dir, { '年报/甲局2019年度报告.txt': sampleText(SAMPLE.s004), '年报/乙局2021年度报告.txt': sampleText(SAMPLE.s002) });
    const r = runCli(['--format', 'github', '--sarif', 'r.sarif', '年报/'], { cwd: t.dir });
    assert.equal(r.code, 1, 'sample 004 has errors');
    assert.equal(r.stdout.split('\n').filter((l) => /^::(error|warning) /.test(l)).length, 6);
    const alone = runCli(['--format', 'sarif', '年报/'], { cwd: t.dir });
    assert.equal(readFileSync(join(t.dir, 'r.sarif'), 'utf8'), alone.stdout);
    for (const jobs of ['1', '2']) {
      const j = runCli(['--format', 'github', '--jobs', jobs, '--sarif', `r${jobs}.sarif`, '年报/'], { cwd: t.dir });
      assert.equal(j.stdout, r.stdout, `--jobs ${jobs}: the same annotations`);
      assert.equal(readFileSync(join(t.dir, `r${jobs}.sarif`), 'utf8'), alone.stdout, `--jobs ${jobs}: the same log`);
    }
  } finally {
    t.remove();
  }
});

test('--sarif with -o: both files written; with --compare: a usage error', () => {
  const t = tempDir();
  try {
    writeTree(t.dir, { 'a年度报告.txt': sampleText(SAMPLE.s002), 'b年度报告.txt': sampleText(SAMPLE.s004) });
    const r = runCli(['--format', 'json', '-o', 'r.json', '--sarif', 'r.sarif', 'a年度报告.txt'], { cwd: t.dir });
    assert.deepEqual([r.code, r.stdout], [0, '']);
    assert.equal((JSON.parse(readFileSync(join(t.dir, 'r.json'), 'utf8')) as { files: unknown[] }).files.length, 1);
    assert.equal((JSON.parse(readFileSync(join(t.dir, 'r.sarif'), 'utf8')) as { version: string }).version, '2.1.0');
    const bad = runCli(['--compare', '--sarif', 'r.sarif', 'a年度报告.txt', 'b年度报告.txt'], { cwd: t.dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--sarif/);
  } finally {
    t.remove();
  }
});
