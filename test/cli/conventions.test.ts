/**
 * The CLI's conventions shared with eslint and markdownlint-cli2: `--version` prints the tool's version and the
 * report format is `--format-version` (the former `--version 2019` still works, with a notice on stderr); `-`
 * reads standard input; `-o FILE` writes any format to a file; `--format github` prints workflow commands that
 * the Actions runner turns into annotations; a `$schema` key in `.xxgkrc.json` is accepted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { CLI, ensureBuilt, ROOT, runCli, runJson, SAMPLE, SAMPLES, sampleText, tempDir, writeTree, type JsonFile } from './support/cli';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const s004 = join(SAMPLES, SAMPLE.s004);
/** Sample 002 is a clean 2021-format report; read with the 2019 templates it has findings. */
const s002 = join(SAMPLES, SAMPLE.s002);

/** `node dist/cli.js …args` with `input` on standard input. */
function runWithStdin(args: readonly string[], input: string | Buffer, cwd = ROOT) {
  ensureBuilt();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--version alone prints the version and exits 0, whatever else is given', () => {
  for (const args of [['--version'], ['--version', s004], ['--format', 'json', '--version']]) {
    const r = runCli(args);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, `${VERSION}\n`, ''], args.join(' '));
  }
});

test('--format-version forces the format; --version 2019 does the same with a deprecation line on stderr', () => {
  const auto = runJson([s002]).files[0];
  const forced = runJson(['--format-version', '2019', s002]);
  assert.equal(forced.run.stderr, '');
  const old = runJson(['--version', '2019', s002]);
  const oldEquals = runJson(['--version=2019', s002]);
  assert.deepEqual([auto.version, auto.diagnostics.length], ['2021', 0]);
  assert.equal(forced.files[0].version, '2019');
  assert.ok(forced.files[0].diagnostics.length > 0, 'read with the 2019 templates');
  assert.deepEqual(old.files, forced.files, 'the former spelling means the same');
  assert.deepEqual(oldEquals.files, forced.files);
  for (const r of [old.run, oldEquals.run]) {
    assert.match(r.stderr, /^xxgk-check: --version 2019\|2021\|auto 已改名为 --format-version，旧写法以后可能移除\n$/);
  }
});

test('--version with a wrong format, or with --format-version too: usage errors (exit 2)', () => {
  const wrong = runCli(['--version', '2020', s004]);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /--version: /);
  const both = runCli(['--version', '2019', '--format-version', '2021', s004]);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--version 与 --format-version 不能同时给出/);
  const bad = runCli(['--format-version', '2020', s004]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format-version: /);
});

test('- reads the report from standard input: the same findings as the file, under <stdin>, with the working folder’s config', () => {
  const file = runJson([s004]).files[0];
  const r = runWithStdin(['--format', 'json', '-'], sampleText(SAMPLE.s004));
  assert.equal(r.code, 1, r.stderr);
  const [stdin] = (JSON.parse(r.stdout) as { files: JsonFile[] }).files;
  assert.equal(stdin.path, '<stdin>');
  assert.deepEqual(stdin.diagnostics, file.diagnostics);

  const t = tempDir();
  try {
    writeTree(t.dir, { '.xxgkrc.json': JSON.stringify({ rules: { 'item-total': 'off', balance: 'off', 'cell-blank': 'off' } }) });
    const quiet = runWithStdin(['--format', 'json', '-'], sampleText(SAMPLE.s004), t.dir);
    const codes = new Set((JSON.parse(quiet.stdout) as { files: JsonFile[] }).files[0].diagnostics.map((d) => d.code));
    assert.ok(!codes.has('item-total') && !codes.has('cell-blank'), [...codes].join(' '));
  } finally {
    t.remove();
  }
});

test('-v is --version', () => {
  const long = runCli(['--version']);
  const short = runCli(['-v']);
  assert.equal(short.code, 0);
  assert.match(short.stdout, /^\d+\.\d+\.\d+\S*\n$/);
  assert.equal(short.stdout, long.stdout);
});

test('--color and --no-color override NO_COLOR, FORCE_COLOR and the terminal; the last one given wins', () => {
  const ansi = /\u001b\[/;
  assert.doesNotMatch(runCli([s004]).stdout, ansi, 'a pipe: no colour');
  assert.match(runCli(['--color', s004]).stdout, ansi);
  assert.match(runCli(['--color', s004], { env: { NO_COLOR: '1' } }).stdout, ansi);
  assert.doesNotMatch(runCli(['--no-color', s004], { env: { FORCE_COLOR: '1' } }).stdout, ansi);
  assert.match(runCli([s004], { env: { FORCE_COLOR: '1' } }).stdout, ansi, 'FORCE_COLOR as before');
  assert.doesNotMatch(runCli(['--color', '--no-color', s004]).stdout, ansi);
  assert.match(runCli(['--no-color', '--color', s004]).stdout, ansi);
  assert.equal(runCli(['--color=yes', s004]).code, 2, '--color takes no value');
});

test('--stdin-filename names standard input in the output, and its config and ignores are that file’s', () => {
  const text = sampleText(SAMPLE.s004);
  const t = tempDir();
  try {
    writeTree(t.dir, { 'sub/.xxgkrc.json': JSON.stringify({ rules: { 'item-total': 'off', balance: 'off', 'cell-blank': 'off' } }) });
    const named = runCli(['--format', 'json', '--stdin-filename', 'sub/甲局年报.txt', '-'], { cwd: t.dir, input: text });
    const [file] = (JSON.parse(named.stdout) as { files: JsonFile[] }).files;
    assert.equal(file.path, 'sub/甲局年报.txt');
    const codes = new Set(file.diagnostics.map((d) => d.code));
    assert.ok(!codes.has('item-total') && !codes.has('cell-blank'), `sub/.xxgkrc.json applies: ${[...codes].join(' ')}`);
    const outside = runCli(['--format', 'json', '--stdin-filename', '甲局年报.txt', '-'], { cwd: t.dir, input: text });
    assert.ok((JSON.parse(outside.stdout) as { files: JsonFile[] }).files[0].diagnostics.some((d) => d.code === 'item-total'), 'no config above it');
    // Ignored as the file would be: nothing checked, exit 0.
    const ignored = runCli(['--format', 'json', '--ignore', 'sub/**', '--stdin-filename', 'sub/甲局年报.txt', '-'], { cwd: t.dir, input: text });
    assert.equal(ignored.code, 0, ignored.stderr);
    assert.deepEqual((JSON.parse(ignored.stdout) as { files: JsonFile[] }).files, []);
    // A .pdf name does not make standard input a PDF: the text is checked.
    const pdfName = runCli(['--format', 'json', '--stdin-filename', '年报.pdf', '-'], { cwd: t.dir, input: text });
    assert.equal((JSON.parse(pdfName.stdout) as { files: JsonFile[] }).files[0].path, '年报.pdf');
    assert.ok((JSON.parse(pdfName.stdout) as { files: JsonFile[] }).files[0].diagnostics.some((d) => d.code === 'item-total'));
    // Sample 000's two headings are renumbered (004's blank total is not a certain fix, issue 23).
    const dry = runCli(['--fix-dry-run', '--stdin-filename', 'r.txt', '-'], { cwd: t.dir, input: sampleText(SAMPLE.s000) });
    assert.match(dry.stdout, /^--- a\/r\.txt\n\+\+\+ b\/r\.txt\n/);
    const without = runCli(['--stdin-filename', 'r.txt', s004]);
    assert.equal(without.code, 2);
    assert.match(without.stderr, /--stdin-filename 只用于从标准输入读取/);
  } finally {
    t.remove();
  }
});

test('- with GBK bytes and with --fix-dry-run; --fix cannot write back to standard input', () => {
  const gbk = runWithStdin(['--format', 'json', '-'], iconv.encode(sampleText(SAMPLE.s004), 'gbk'));
  const [f] = (JSON.parse(gbk.stdout) as { files: JsonFile[] }).files;
  assert.equal(f.encoding, 'GBK/GB18030');
  assert.deepEqual(f.diagnostics, runJson([s004]).files[0].diagnostics);
  // Sample 000: its heading 1、 on line 5 is renumbered (a three-line context from line 2). Sample 004's blank total
  // is no longer a certain fix (its column is broken, issue 23).
  const dry = runWithStdin(['--fix-dry-run', '-'], sampleText(SAMPLE.s000));
  assert.match(dry.stdout, /^--- a\/<stdin>\n\+\+\+ b\/<stdin>\n@@ -2,7 \+2,7 @@\n/);
  assert.match(dry.stdout, /\n-1、 总体情况\n\+一、 总体情况\n/);
  const fix = runWithStdin(['--fix', '-'], sampleText(SAMPLE.s004));
  assert.equal(fix.code, 2);
  assert.match(fix.stderr, /--fix 不能写回标准输入；请用 --fix-dry-run/);
});

test('-o FILE and --output FILE write the output (any format) to the file, nothing to stdout; the exit code is the check’s', () => {
  const t = tempDir();
  try {
    const stdout = runCli(['--format', 'sarif', s004], { cwd: t.dir }).stdout;
    const r = runCli(['--format', 'sarif', '-o', 'out/r.sarif', s004], { cwd: t.dir });
    assert.deepEqual([r.code, r.stdout, r.stderr], [1, '', '']);
    const written = JSON.parse(readFileSync(join(t.dir, 'out', 'r.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    assert.deepEqual(written.runs[0].results, (JSON.parse(stdout) as typeof written).runs[0].results);
    const text = runCli(['--output=t.txt', s004], { cwd: t.dir });
    assert.equal(text.stdout, '');
    assert.equal(readFileSync(join(t.dir, 't.txt'), 'utf8'), runCli([s004], { cwd: t.dir }).stdout);
  } finally {
    t.remove();
  }
});

test('-o into a path that cannot be written: exit 2 with the reason; -o without a value: usage error', () => {
  const t = tempDir();
  try {
    writeTree(t.dir, { 'a-file': 'x' });
    const r = runCli(['-o', 'a-file/r.json', s004], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /无法写入输出文件 \(cannot write the output file\) a-file\/r\.json/);
    assert.equal(existsSync(join(t.dir, 'a-file', 'r.json')), false);
    const missing = runCli([s004, '-o']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--output 需要一个值/);
  } finally {
    t.remove();
  }
});

/** Parses `::command key=value,…::message` lines back, undoing the runner's escapes. */
function parseAnnotations(out: string): { command: string; props: Record<string, string>; message: string }[] {
  const unescape = (s: string) => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  return out.split('\n').filter((l) => l !== '').map((line) => {
    const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
    assert.ok(m, `a workflow command: ${line}`);
    const props = Object.fromEntries(m[2].split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i), unescape(p.slice(i + 1))];
    }));
    return { command: m[1], props, message: unescape(m[3]) };
  });
}

test('--format github: one annotation per finding, parsed back to the JSON output’s file, 1-based position, level and message', () => {
  const t = tempDir();
  try {
    // A name with a comma and a colon: both must be escaped in the property.
    const name = '甲局,2019:年度报告.txt';
    writeTree(t.dir, { [name]: sampleText(SAMPLE.s004) });
    const { files } = runJson([name], { cwd: t.dir });
    const r = runCli(['--format', 'github', name], { cwd: t.dir });
    assert.equal(r.code, 1);
    const annotations = parseAnnotations(r.stdout);
    const findings = files[0].diagnostics;
    assert.equal(annotations.length, findings.length);
    const level = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;
    findings.forEach((d, i) => {
      const a = annotations[i];
      assert.equal(a.command, level[d.severity]);
      assert.equal(a.props.file, name);
      assert.equal(a.props.title, `xxgk-check ${d.code}`);
      assert.equal(Number(a.props.line), d.range.start.line + 1);
      assert.equal(Number(a.props.endLine), d.range.end.line + 1);
      if (d.range.start.line === d.range.end.line) assert.equal(Number(a.props.col), d.range.start.character + 1);
      else assert.equal(a.props.col, undefined, 'columns only on one line');
      assert.equal(a.message, d.message);
    });
    // Sample 004: the (七)总计 / 自然人 finding at line 52, column 9.
    assert.ok(annotations.some((a) => a.command === 'error' && a.props.line === '52' && a.props.col === '9' && a.message.startsWith('（七）总计的「自然人」应为 4，实为 0')));
    assert.match(r.stdout, /file=甲局%2C2019%3A年度报告\.txt,/);
  } finally {
    t.remove();
  }
});

test('--format github escapes % and line breaks in messages; no findings, no output', async () => {
  const { escapeData, escapeProperty } = await import('../../server/src/cli/formats/github');
  assert.equal(escapeData('50%\r\n下一行'), '50%25%0D%0A下一行');
  assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
  const t = tempDir();
  try {
    writeTree(t.dir, { '年度报告.txt': sampleText(SAMPLE.s004), '.xxgkrc.json': JSON.stringify({ rules: Object.fromEntries(['item-total', 'balance', 'cell-blank', 'year-mismatch', 'text-table-mismatch', 'fee-statement-missing', 'section-numbering', 'cell-unit', 'text-sum'].map((c) => [c, 'off'])) }) });
    const { files } = runJson(['年度报告.txt'], { cwd: t.dir });
    const r = runCli(['--format', 'github', '年度报告.txt'], { cwd: t.dir });
    assert.equal(parseAnnotations(r.stdout).length, files[0].diagnostics.length);
  } finally {
    t.remove();
  }
});

test('a .xxgkrc.json with "$schema" is accepted (exit 0 on a clean report, not a config error)', () => {
  const t = tempDir();
  try {
    writeTree(t.dir, {
      '.xxgkrc.json': JSON.stringify({ $schema: 'https://example.org/xxgkrc.schema.json', rules: { 'item-total': 'off', balance: 'off' } }),
      '年度报告.txt': sampleText(SAMPLE.s004),
    });
    const r = runCli(['--format', 'json', '年度报告.txt'], { cwd: t.dir });
    assert.notEqual(r.code, 2, r.stderr);
    assert.equal(r.stderr, '');
    const codes = (JSON.parse(r.stdout) as { files: JsonFile[] }).files[0].diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('item-total'), 'the config was applied');
  } finally {
    t.remove();
  }
});
