/**
 * `--jobs N`: files checked in worker threads give the output of one job, byte for byte and in the same order,
 * with the same exit code and stderr; fixes write the same files. The folder holds 50 reports (the samples,
 * the real fixtures, a pair of years of one body for carry-over, an unreadable and a non-report file), enough
 * for three workers (one per 16 files), so the worker path runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultJobs, FILES_PER_WORKER, workerCount } from '../../server/src/cli/jobs-count';
import { ROOT, runCli, SAMPLE, sampleText, tempDir, writeTree } from './support/cli';

const REAL = join(ROOT, 'test', 'fixtures', 'real');

function reports(): Record<string, string | Buffer> {
  const texts = [
    // Not 003: a second 中牟 2021 report would make the pair below ambiguous (then it is not paired).
    ...Object.values(SAMPLE).filter((name) => name !== SAMPLE.s003).map((name) => sampleText(name)),
    ...readdirSync(REAL).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(REAL, f), 'utf8')),
  ];
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < 46; i++) files[`d${Math.floor(i / 10)}/${String(i).padStart(2, '0')}年度报告.txt`] = texts[i % texts.length];
  // Last year's report of the same body and this year's, whose 上年结转 differs: carry-over-mismatch across workers.
  const r2 = '二、上年结转政府信息公开申请数量\t0';
  const t2021 = sampleText(SAMPLE.s003);
  assert.ok(t2021.includes('中牟县卫健委2021年') && t2021.includes(r2));
  files['z/中牟2021年度报告.txt'] = t2021;
  files['z/中牟2022年度报告.txt'] = t2021.replace('中牟县卫健委2021年', '中牟县卫健委2022年').replace(r2, r2.slice(0, -1) + '2');
  files['z/二进制年报.txt'] = Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]);
  files['z/空白年报.txt'] = '';
  return files;
}

function folder(): { dir: string; remove: () => void } {
  const t = tempDir('xxgk-jobs-');
  writeTree(t.dir, reports());
  return t;
}

test('the default --jobs is every core from three cores up, and one job on one or two', () => {
  assert.deepEqual([1, 2, 3, 4, 16].map((cores) => defaultJobs(cores)), [1, 1, 3, 4, 16]);
});

test('50 files and --jobs 3 start three workers; a handful of files is checked in this thread', () => {
  assert.equal(FILES_PER_WORKER, 16);
  assert.equal(workerCount(3, 50), 3);
  assert.equal(workerCount(8, 50), 3);
  assert.equal(workerCount(1, 50), 0);
  assert.equal(workerCount(4, 31), 0);
  assert.equal(workerCount(4, 32), 2);
});

for (const format of ['json', 'text', 'sarif', 'compact', 'csv', 'summary', 'github']) {
  test(`--format ${format}: --jobs 3 prints what --jobs 1 prints, byte for byte, with the same exit code`, () => {
    const t = folder();
    try {
      const one = runCli(['--format', format, '--jobs', '1', '.'], { cwd: t.dir });
      const three = runCli(['--format', format, '--jobs', '3', '.'], { cwd: t.dir });
      assert.equal(one.code, 1);
      assert.equal(three.code, one.code);
      assert.equal(three.stderr, one.stderr);
      assert.equal(three.stdout, one.stdout);
      if (format === 'json') {
        const files = (JSON.parse(one.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] }).files;
        assert.equal(files.length, 50);
        // Sorted paths, as discovery gives them: the order is the files', not the workers'.
        assert.deepEqual(files.map((f) => f.path), files.map((f) => f.path).sort());
        const y2022 = files.find((f) => f.path.endsWith('中牟2022年度报告.txt'));
        assert.ok(y2022?.diagnostics.some((d) => d.code === 'carry-over-mismatch'), 'the pair is found across workers');
      }
    } finally {
      t.remove();
    }
  });
}

test('--fix with --jobs 3 writes the same files and prints the same as --jobs 1', () => {
  const a = folder();
  const b = folder();
  try {
    const one = runCli(['--fix', '--jobs', '1', '.'], { cwd: a.dir });
    const three = runCli(['--fix', '--jobs', '3', '.'], { cwd: b.dir });
    assert.equal(three.code, one.code);
    assert.equal(three.stdout, one.stdout);
    const contents = (dir: string) => Object.keys(reports()).map((rel) => [rel, readFileSync(join(dir, rel)).toString('base64')]);
    const before = Object.entries(reports()).map(([rel, c]) => [rel, Buffer.from(c).toString('base64')]);
    assert.deepEqual(contents(b.dir), contents(a.dir));
    assert.notDeepEqual(contents(a.dir), before, 'some safe fix was applied');
  } finally {
    a.remove();
    b.remove();
  }
});

test('--fix-dry-run with --jobs 3 prints the same diff as --jobs 1', () => {
  const t = folder();
  try {
    const one = runCli(['--fix-dry-run', '--jobs', '1', '.'], { cwd: t.dir });
    const three = runCli(['--fix-dry-run', '--jobs', '3', '.'], { cwd: t.dir });
    assert.ok(one.stdout.includes('@@'));
    assert.equal(three.stdout, one.stdout);
    assert.equal(three.code, one.code);
  } finally {
    t.remove();
  }
});

test('--previous FILE with --jobs 3: every file compared with it, as with one job', () => {
  const t = folder();
  try {
    const args = ['--format', 'json', '--previous', join(t.dir, 'z', '中牟2021年度报告.txt'), '.'];
    const one = runCli([...args, '--jobs', '1'], { cwd: t.dir });
    const three = runCli([...args, '--jobs', '3'], { cwd: t.dir });
    assert.equal(three.stdout, one.stdout);
    assert.ok(one.stdout.includes('carry-over-mismatch'));
  } finally {
    t.remove();
  }
});

for (const [value, message] of [['0', '--jobs: 应不小于 1'], ['abc', '--jobs: 应为正整数'], ['1.5', '--jobs: 应为正整数'], ['257', '--jobs: 应不大于 256']] as const) {
  test(`--jobs ${value} is a usage error (exit 2) with a clear message`, () => {
    const r = runCli(['--jobs', value, 'samples']);
    assert.equal(r.code, 2);
    assert.ok(r.stderr.includes(message), r.stderr);
  });
}

test('json written file by file is the layout of JSON.stringify(…, null, 2) of the whole document', () => {
  const t = folder();
  try {
    for (const jobs of ['1', '3']) {
      const r = runCli(['--format', 'json', '--jobs', jobs, '.'], { cwd: t.dir });
      assert.equal(r.stdout, JSON.stringify(JSON.parse(r.stdout), null, 2) + '\n');
    }
    const out = join(t.dir, 'out', 'r.json');
    const r = runCli(['--format', 'json', '--jobs', '3', '-o', out, '.'], { cwd: t.dir });
    assert.equal(r.stdout, '');
    assert.equal(readFileSync(out, 'utf8'), runCli(['--format', 'json', '--jobs', '1', '.'], { cwd: t.dir }).stdout);
    assert.deepEqual(readdirSync(join(t.dir, 'out')), ['r.json'], 'no temporary file left beside it');
  } finally {
    t.remove();
  }
});
