/** Exit codes: 0 no errors (warnings within --max-warnings), 1 findings over the limit, 2 usage or unreadable path. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, runJson, SAMPLES, SAMPLE, sampleText, tempDir, writeTree } from './support/cli';

test('0: reports without errors', () => {
  const r = runCli([join(SAMPLES, SAMPLE.s002), join(SAMPLES, SAMPLE.s003)]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
});

test('1: a report with errors', () => {
  const r = runCli([join(SAMPLES, SAMPLE.s004)]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /item-total/);
});

test('--max-warnings: 1 when the warnings exceed it, 0 when they do not; errors always give 1', () => {
  // 002 with one cell blanked: a report whose only findings are warnings.
  const t = tempDir();
  try {
    const text = sampleText(SAMPLE.s002).replace('二、上年结转政府信息公开申请数量\t\t0\t0\t', '二、上年结转政府信息公开申请数量\t\t0\t\t');
    assert.notEqual(text, sampleText(SAMPLE.s002), 'the fixture blanks one cell');
    writeTree(t.dir, { '海阳年度报告.txt': text });
    const file = join(t.dir, '海阳年度报告.txt');
    const { files } = runJson([file]);
    const warnings = files[0].diagnostics.filter((d) => d.severity === 'warning').length;
    assert.ok(warnings >= 1, 'the blank cell is a warning');
    assert.equal(files[0].diagnostics.filter((d) => d.severity === 'error').length, 0);
    assert.equal(runCli([file]).code, 0, 'no limit by default');
    assert.equal(runCli(['--max-warnings', String(warnings), file]).code, 0);
    const over = runCli(['--max-warnings', String(warnings - 1), file]);
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`警告过多：${warnings} 个，上限为 ${warnings - 1} 个`));
    assert.equal(runCli(['--max-warnings', '0', '--quiet', file]).code, 0, '--quiet: warnings are neither shown nor counted');
    assert.equal(runCli(['--max-warnings', '0', '--rule', 'cell-blank=off', file]).code, 0, 'a rule turned off');
    assert.equal(runCli(['--rule', 'cell-blank=error', file]).code, 1, 'a warning raised to an error');
  } finally {
    t.remove();
  }
});

test('--quiet shows errors only', () => {
  const { run, files } = runJson(['--quiet', join(SAMPLES, SAMPLE.s004), join(SAMPLES, SAMPLE.s000)]);
  assert.equal(run.code, 1);
  const severities = new Set(files.flatMap((f) => f.diagnostics.map((d) => d.severity)));
  assert.deepEqual([...severities], ['error']);
  assert.deepEqual(files[1].diagnostics, [], '000 has only info findings');
});

test('2: a path argument that does not exist; the other files are still checked and reported', () => {
  const r = runCli(['--format', 'json', join(SAMPLES, SAMPLE.s002), 'no/such/报告.txt']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /找不到文件或文件夹 \(no such file or folder\): no\/such\/报告.txt/);
  const out = JSON.parse(r.stdout) as { files: { path: string }[] };
  assert.deepEqual(out.files.map((f) => f.path), [join(SAMPLES, SAMPLE.s002)]);
});

test('2: a glob that matches nothing, a folder without reports', () => {
  const t = tempDir();
  try {
    writeTree(t.dir, { 'empty/readme.txt': 'just notes\n' });
    const glob = runCli(['nothing/**/*.txt'], { cwd: t.dir });
    assert.equal(glob.code, 2);
    assert.match(glob.stderr, /glob matched no files\): nothing\/\*\*\/\*\.txt/);
    const folder = runCli(['empty'], { cwd: t.dir });
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /no report files found in folder\): empty/);
  } finally {
    t.remove();
  }
});
