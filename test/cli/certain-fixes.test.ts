/**
 * `--fix` and `--fix-dry-run` write only certain values (issue 23), on copies of real/04 changed here: with the 258
 * of （一）予以公开·自然人 blanked, the cell and the row total that depends on it stay blank (never 0 and 14); with
 * 一·自然人 821 blanked, balance (821 + 18 = 767 + 72) and the row (859 − 35 − 2 − 1) both settle it at 821.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, ROOT, tempDir, writeTree } from './support/cli';

const REAL04 = readFileSync(join(ROOT, 'test/fixtures/real/04_shanghai-gov-general-office-2019.txt'), 'utf8');
const R31 = '三、本年度办理结果\t（一）予以公开\t258\t12\t\t\t1\t1\t';

function copyWith(dir: string, from: string, to: string): string {
  assert.equal(REAL04.split(from).length, 2);
  writeTree(dir, { '04年度报告.txt': REAL04.replace(from, to) });
  return join(dir, '04年度报告.txt');
}

const lineOf = (text: string, start: string) => text.split('\n').find((l) => l.startsWith(start));

test('--fix on real/04 with the 258 blanked: the gap and its row total stay blank, never 0 and 14', () => {
  const t = tempDir();
  try {
    const file = copyWith(t.dir, R31, R31.replace('\t258\t', '\t\t'));
    const dry = runCli(['--fix-dry-run', file]);
    const added = dry.stdout.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    assert.ok(added.length > 0, 'the zeros written as blanks elsewhere are still filled');
    assert.equal(added.find((l) => l.includes('（一）予以公开')), '+三、本年度办理结果\t（一）予以公开\t\t12\t0\t0\t1\t1\t');
    assert.equal(readFileSync(file, 'utf8'), REAL04.replace(R31, R31.replace('\t258\t', '\t\t')), '--fix-dry-run writes nothing');
    const run = runCli(['--fix', file]);
    assert.equal(run.code, 1, 'the broken item-total is still an error');
    const fixed = readFileSync(file, 'utf8');
    assert.equal(lineOf(fixed, '三、本年度办理结果'), '三、本年度办理结果\t（一）予以公开\t\t12\t0\t0\t1\t1\t');
    assert.match(run.stdout, /cell-blank/, 'the gap is still reported');
    assert.match(run.stdout, /（七）总计的「自然人」应为 509，实为 767/);
  } finally {
    t.remove();
  }
});

test('--fix on real/04 with 一·自然人 821 blanked writes 821, the one value balance and the row allow', () => {
  const t = tempDir();
  try {
    const file = copyWith(t.dir, '本年新收政府信息公开申请数量\t821\t', '本年新收政府信息公开申请数量\t\t');
    const run = runCli(['--fix', file]);
    assert.equal(run.code, 0, run.stdout);
    const fixed = readFileSync(file, 'utf8');
    assert.equal(lineOf(fixed, '一、本年新收'), '一、本年新收政府信息公开申请数量\t821\t35\t0\t0\t2\t1\t859');
    assert.equal(lineOf(fixed, '三、本年度办理结果'), '三、本年度办理结果\t（一）予以公开\t258\t12\t0\t0\t1\t1\t272');
  } finally {
    t.remove();
  }
});
