/**
 * Issue 23: `--fix` and `-o` write a file as it was. Its mode (not the umask's), its owner and its other hard
 * links stay; a read-only file is left alone with a message; the temporary files of a killed run go.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, existsSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asNormalUser, copySample, runCli, runCliAs, SAMPLE, sampleText, tempDir } from './support/cli';

/** Sample 000 has two misnumbered headings: --fix renumbers them (a change of 4 bytes). */
const FIXABLE = SAMPLE.s000;

test('--fix keeps mode 0664 and a second hard link, which sees the fixed text', () => {
  const t = tempDir();
  try {
    const file = join(t.dir, 'a年度报告.txt');
    const link = join(t.dir, 'b.txt');
    copySample(FIXABLE, file);
    chmodSync(file, 0o664);
    linkSync(file, link);
    const before = readFileSync(file, 'utf8');
    const r = runCli(['--fix', file]);
    assert.match(r.stdout, /已在 1 个文件中应用 2 处安全修复/);
    const after = readFileSync(file, 'utf8');
    assert.notEqual(after, before);
    assert.equal(statSync(file).mode & 0o777, 0o664);
    assert.equal(statSync(file).nlink, 2);
    assert.equal(statSync(file).ino, statSync(link).ino, 'still one file under two names');
    assert.equal(readFileSync(link, 'utf8'), after);
  } finally {
    t.remove();
  }
});

test('--fix keeps mode 0664 of a file with one link (written through a temporary file and a rename)', () => {
  const t = tempDir();
  try {
    const file = join(t.dir, 'a年度报告.txt');
    copySample(FIXABLE, file);
    chmodSync(file, 0o664);
    const inode = statSync(file).ino;
    runCli(['--fix', file]);
    assert.notEqual(readFileSync(file, 'utf8'), sampleText(FIXABLE));
    assert.equal(statSync(file).mode & 0o777, 0o664);
    assert.notEqual(statSync(file).ino, inode, 'replaced whole, not rewritten in place');
    assert.deepEqual(readdirSync(t.dir), ['a年度报告.txt'], 'no temporary file left');
  } finally {
    t.remove();
  }
});

test('a read-only file is not rewritten: a message, exit 2, its findings as they are', () => {
  const t = tempDir();
  try {
    const file = join(t.dir, 'a年度报告.txt');
    copySample(FIXABLE, file);
    chmodSync(file, 0o444);
    const r = runCli(['--fix', '--format', 'compact', file]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /只读文件，未写入，文件保持原样 \(a read-only file is not written: it is left as it was\)/);
    assert.match(r.stdout, /section-numbering/, 'the findings of the file as it is');
    assert.equal(readFileSync(file, 'utf8'), sampleText(FIXABLE));
    assert.equal(statSync(file).mode & 0o777, 0o444);
  } finally {
    t.remove();
  }
});

test('temporary files of a killed --fix are removed by the next one; others are not touched', () => {
  const t = tempDir();
  try {
    const file = join(t.dir, 'a年度报告.txt');
    copySample(SAMPLE.s002, file);
    // A process id that cannot be running (above Linux's pid_max), and one that is (this test's).
    const dead = join(t.dir, '.a年度报告.txt.xxgk-check.99999999.0badf00d.tmp');
    const alive = join(t.dir, `.a年度报告.txt.xxgk-check.${process.pid}.0badf00d.tmp`);
    const other = join(t.dir, '.a年度报告.txt.1234.0badf00d.tmp');
    for (const f of [dead, alive, other]) writeFileSync(f, 'half');
    const r = runCli(['--fix', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(existsSync(dead), false, 'a dead run\'s file is removed even when nothing is written');
    assert.equal(existsSync(alive), true, 'a running process\'s file is left');
    assert.equal(existsSync(other), true, 'a file of another pattern is not ours');
  } finally {
    t.remove();
  }
});

test('-o into an existing file keeps its mode and its hard link', () => {
  const t = tempDir();
  try {
    const out = join(t.dir, 'out.json');
    writeFileSync(out, 'old');
    chmodSync(out, 0o664);
    linkSync(out, join(t.dir, 'out-link.json'));
    copySample(SAMPLE.s002, join(t.dir, 'a年度报告.txt'));
    const r = runCli(['--format', 'json', '-o', out, join(t.dir, 'a年度报告.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(statSync(out).mode & 0o777, 0o664);
    assert.match(readFileSync(join(t.dir, 'out-link.json'), 'utf8'), /"files"/);
  } finally {
    t.remove();
  }
});

test('as root, --fix keeps the owner of another user\'s file', (t) => {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    t.skip('needs root to give a file to another user');
    return;
  }
  const d = tempDir();
  try {
    const file = join(d.dir, 'a年度报告.txt');
    copySample(FIXABLE, file);
    chownSync(file, 65534, 65534);
    chmodSync(file, 0o664);
    runCli(['--fix', file]);
    assert.notEqual(readFileSync(file, 'utf8'), sampleText(FIXABLE));
    assert.deepEqual([statSync(file).uid, statSync(file).gid, statSync(file).mode & 0o777], [65534, 65534, 0o664]);
  } finally {
    d.remove();
  }
});

test('as a normal user, a file that user may not write is left as it was, with a message', (t) => {
  asNormalUser(t, 0o777, (prefix, dir) => {
    const file = join(dir, 'a年度报告.txt');
    copySample(FIXABLE, file);
    // Writable by its owner only: when the tests run as root, root owns it and nobody runs the fix.
    chmodSync(file, 0o644);
    const r = runCliAs(prefix, ['--fix', file]);
    if (prefix.length > 0) {
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /只读文件/);
      assert.equal(readFileSync(file, 'utf8'), sampleText(FIXABLE));
    } else {
      // Not root: the user owns the file and may write it.
      assert.equal(r.code, 0, r.stderr);
    }
  });
});
