/**
 * Issue 23: bounded inputs and nothing silent. A text file far over the size cap is not read; a Big5 file is
 * named; names with control characters keep one finding per line; a closed pipe still ends with the exit code
 * of the findings; unreadable folders, files and symbolic-link loops are listed with a finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { decode } from '../../server/src/files/read';
import { COMPACT_LINE } from '../../server/src/cli/formats/compact';
import { asNormalUser, CLI, copySample, ensureBuilt, runCli, runCliAs, runJson, SAMPLE, SAMPLES, sampleText, tempDir, writeTree } from './support/cli';

const MB = 1024 * 1024;

test('a 600 MB text beside a good report: one error for it, the good report\'s findings, whole JSON, exit 1', () => {
  const t = tempDir();
  try {
    // The report's opening lines (so the folder search takes it), then a sparse 600 MB tail: never read.
    const big = join(t.dir, 'big.txt');
    const fd = openSync(big, 'w');
    writeSync(fd, Buffer.from(sampleText(SAMPLE.s004).slice(0, 2000)));
    ftruncateSync(fd, 600 * MB);
    closeSync(fd);
    copySample(SAMPLE.s004, join(t.dir, 'good.txt'));
    const { run, files } = runJson([t.dir]);
    assert.equal(run.code, 1);
    assert.deepEqual(files.map((f) => f.path), [join(t.dir, 'big.txt'), join(t.dir, 'good.txt')]);
    assert.deepEqual(files[0].diagnostics.map((d) => [d.code, d.severity]), [['report-too-large', 'error']]);
    assert.match(files[0].diagnostics[0].message, /文件过大（600\.0 MB，超过 2\.0 MB）：未做检查/);
    const alone = runJson([join(SAMPLES, SAMPLE.s004)]).files[0];
    assert.deepEqual(files[1].diagnostics, alone.diagnostics, 'the good report is checked as it is alone');
  } finally {
    t.remove();
  }
});

test('standard input over the cap is read no further than the cap: report-too-large, exit 1', () => {
  ensureBuilt();
  const input = Buffer.alloc(5 * MB, 'a');
  const r = spawnSync(process.execPath, [CLI, '--format', 'compact', '-'], { input, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^<stdin>:1:1: error report-too-large: /);
});

/** Traditional Chinese as a Big5 report would write it. */
const TRADITIONAL = '某某縣人民政府二〇二三年政府資訊公開工作年度報告。本機關依法主動公開政府資訊，辦理依申請公開，'
  + '無行政複議及行政訴訟案件。現將本年度工作情況報告如下：一、總體情況。二、主動公開政府資訊情況。\n';

test('Big5 is named and refused, GBK still reads as GBK', () => {
  const big5 = iconv.encode(TRADITIONAL.repeat(5), 'big5');
  assert.equal(decode(big5).kind, 'big5');
  const gbk = iconv.encode(sampleText(SAMPLE.s004), 'gbk');
  const read = decode(gbk);
  assert.equal(read.kind, 'text');
  assert.equal(read.kind === 'text' ? read.encoding : '', 'gb18030');
  const t = tempDir();
  try {
    writeTree(t.dir, { '繁体年度报告.txt': big5 });
    const { run, files } = runJson([join(t.dir, '繁体年度报告.txt')]);
    assert.equal(run.code, 1);
    assert.deepEqual(files[0].diagnostics.map((d) => [d.code, d.severity]), [['file-encoding', 'error']]);
    assert.match(files[0].diagnostics[0].message, /繁体中文 Big5 编码/);
    assert.match(runJson(['--locale', 'en', join(t.dir, '繁体年度报告.txt')]).files[0].diagnostics[0].message, /Traditional Chinese in Big5/);
  } finally {
    t.remove();
  }
});

test('a newline and an escape character in a name: one line per finding in compact and text', () => {
  const t = tempDir();
  try {
    const name = 'a\nb\u001b[31m年度报告.txt';
    copySample(SAMPLE.s004, join(t.dir, name));
    const findings = runJson([t.dir]).files[0].diagnostics.length;
    assert.ok(findings >= 5);
    const compact = runCli(['--format', 'compact', t.dir]);
    const lines = compact.stdout.trimEnd().split('\n');
    assert.equal(lines.length, findings);
    for (const l of lines) {
      const m = COMPACT_LINE.exec(l);
      assert.ok(m, l);
      assert.equal(m[1], join(t.dir, 'a\\nb\\x1b[31m年度报告.txt'));
    }
    const text = runCli(['--format', 'text', t.dir]);
    assert.ok(text.stdout.split('\n').some((l) => l.startsWith(join(t.dir, 'a\\nb\\x1b[31m年度报告.txt  '))), text.stdout);
    assert.ok(!text.stdout.includes('\u001b'), 'no escape character reaches the terminal');
  } finally {
    t.remove();
  }
});

test('a reader that closes the pipe early: the exit code still says errors were found', () => {
  ensureBuilt();
  const t = tempDir();
  try {
    // Enough findings to fill the pipe many times over after `head` has gone.
    for (let i = 0; i < 150; i++) copySample(SAMPLE.s004, join(t.dir, `${String(i).padStart(3, '0')}年度报告.txt`));
    for (const format of ['compact', 'text', 'json']) {
      const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" --format ${format} "${t.dir}" | head -1 >/dev/null`], { encoding: 'utf8' });
      assert.equal(r.status, 1, `${format}: ${r.stderr}`);
      assert.equal(r.stderr, '', 'no stack trace');
    }
    // Both streams into the closed pipe.
    const both = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" "${t.dir}" 2>&1 | head -1 >/dev/null`], { encoding: 'utf8' });
    assert.equal(both.status, 1, both.stderr);
  } finally {
    t.remove();
  }
});

test('a symbolic link loop is named as such, as an argument and in a folder', () => {
  const t = tempDir();
  try {
    copySample(SAMPLE.s002, join(t.dir, 'good.txt'));
    symlinkSync('loop-b年度报告.txt', join(t.dir, 'loop-a年度报告.txt'));
    symlinkSync('loop-a年度报告.txt', join(t.dir, 'loop-b年度报告.txt'));
    const arg = runCli([join(t.dir, 'loop-a年度报告.txt')]);
    assert.equal(arg.code, 2);
    assert.match(arg.stderr, /符号链接形成循环 \(symbolic link loop\)/);
    assert.doesNotMatch(arg.stderr, /no such file/);
    const { run, files } = runJson([t.dir]);
    assert.equal(run.code, 1);
    assert.deepEqual(files.map((f) => [f.path.slice(t.dir.length + 1), f.diagnostics.map((d) => d.code).join()]), [
      ['good.txt', ''], ['loop-a年度报告.txt', 'file-unreadable'], ['loop-b年度报告.txt', 'file-unreadable'],
    ]);
    assert.match(files[1].diagnostics[0].message, /符号链接形成循环/);
  } finally {
    t.remove();
  }
});

test('as a normal user, a locked subfolder and a locked report are listed with an error, not passed', (t) => {
  asNormalUser(t, 0o755, (prefix, dir) => {
    copySample(SAMPLE.s002, join(dir, 'good.txt'));
    copySample(SAMPLE.s004, join(dir, 'locked', 'bad年度报告.txt'));
    copySample(SAMPLE.s004, join(dir, 'unreadable年度报告.txt'));
    mkdirSync(join(dir, 'open'));
    chmodSync(join(dir, 'locked'), 0o000);
    chmodSync(join(dir, 'unreadable年度报告.txt'), 0o000);
    chmodSync(join(dir, 'good.txt'), 0o644);
    try {
      const r = runCliAs(prefix, ['--format', 'json', dir]);
      assert.equal(r.code, 1, r.stderr);
      type Out = { files: { path: string; diagnostics: { code: string; severity: string; message: string }[] }[] };
      const { files } = JSON.parse(r.stdout) as Out;
      assert.deepEqual(files.map((f) => [f.path.slice(dir.length + 1), f.diagnostics.map((x) => `${x.severity} ${x.code}`).join()]), [
        ['good.txt', ''], ['locked', 'error file-unreadable'], ['unreadable年度报告.txt', 'error file-unreadable'],
      ]);
      assert.match(files[1].diagnostics[0].message, /无法读取文件夹（EACCES/);
      const text = runCliAs(prefix, [dir]);
      assert.doesNotMatch(text.stdout, /未发现问题/);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
});
