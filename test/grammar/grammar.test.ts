/**
 * The TextMate grammar (syntaxes/xxgk-report.tmLanguage.json) against the scope expectations in test/grammar/fixtures.
 * The fixtures are vscode-tmgrammar-test unit files: the first line is `# SYNTAX TEST "source.xxgk-report" "…"`, and a
 * line starting with `#` followed by `^^^` or `<---` asserts scopes for the source line above it (`^` columns count
 * UTF-16 units, one per Chinese character and one per TAB; `<---` covers the first columns of the line; `- scope`
 * forbids a scope). Assertion lines never reach the grammar, so `#` needs no meaning in the report language.
 * The tool runs offline: vscode-textmate with the vscode-oniguruma WASM from node_modules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../..');
const GRAMMAR = 'syntaxes/xxgk-report.tmLanguage.json';
const FIXTURES = join(__dirname, 'fixtures');
const CLI = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist/unit.js');
const HEADER = '# SYNTAX TEST "source.xxgk-report"';

function runTool(glob: string, timeout = 60_000) {
  const r = spawnSync(process.execPath, [CLI, '--compact', '-g', GRAMMAR, glob], { cwd: ROOT, encoding: 'utf8', timeout });
  return { status: r.status, signal: r.signal, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function withTempFixture(name: string, text: string, fn: (glob: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-grammar-'));
  try {
    writeFileSync(join(dir, name), text);
    fn(join(dir, '*.txt'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the grammar file is valid JSON with the expected scope name', () => {
  const g = JSON.parse(readFileSync(join(ROOT, GRAMMAR), 'utf8')) as { scopeName?: string; patterns?: unknown[] };
  assert.equal(g.scopeName, 'source.xxgk-report');
  assert.ok(Array.isArray(g.patterns) && g.patterns.length > 0);
});

test('package.json contributes the grammar for the xxgk-report language', () => {
  type Grammar = { language?: string; scopeName?: string; path?: string };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes?: { grammars?: Grammar[] } };
  const grammars: Grammar[] = pkg.contributes?.grammars ?? [];
  const entry = grammars.find((x) => x.scopeName === 'source.xxgk-report');
  assert.ok(entry, 'contributes.grammars has an entry for source.xxgk-report');
  assert.equal(entry.language, 'xxgk-report');
  assert.ok(entry.path && existsSync(join(ROOT, entry.path)), `grammar path ${entry.path} exists`);
});

test('every fixture is a syntax test file with assertions', () => {
  const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
  assert.ok(names.length >= 5, 'fixtures present');
  for (const name of names) {
    const lines = readFileSync(join(FIXTURES, name), 'utf8').split('\n');
    assert.ok(lines[0].startsWith(HEADER), `${name}: header line`);
    assert.ok(lines.filter((l) => /^#\s*(\^|<-)/.test(l)).length >= 5, `${name}: has scope assertions`);
  }
});

test('all fixture expectations hold (vscode-tmgrammar-test exits 0)', () => {
  const r = runTool('test/grammar/fixtures/*.txt');
  assert.equal(r.status, 0, r.out);
  const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
  for (const name of names) assert.match(r.out, new RegExp(`${name.replace(/[.-]/g, '\\$&')} run successfuly`), r.out);
});

test('a wrong expectation makes the tool fail (the harness can fail)', () => {
  // Table 2 row R1 must be a row label, never a section heading; claim the opposite.
  const text = [
    `${HEADER} "deliberately wrong"`,
    '一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0',
    '# <---------------- markup.heading.1.xxgk-report',
    '',
  ].join('\n');
  withTempFixture('wrong.txt', text, (glob) => {
    const r = runTool(glob);
    assert.notEqual(r.status, 0, r.out);
    assert.match(r.out, /Missing required scopes: \[ markup\.heading\.1\.xxgk-report \]/);
    assert.match(r.out, /entity\.name\.tag\.row-label\.xxgk-report/);
  });
  // A forbidden scope that is present fails too.
  const text2 = [`${HEADER} "deliberately wrong"`, '行政许可\t18\t\t', '#    ^^ - constant.numeric.xxgk-report', ''].join('\n');
  withTempFixture('wrong2.txt', text2, (glob) => {
    const r = runTool(glob);
    assert.notEqual(r.status, 0, r.out);
    assert.match(r.out, /Prohibited scopes: \[ constant\.numeric\.xxgk-report \]/);
  });
});

test('long pathological lines tokenize quickly (no catastrophic backtracking)', () => {
  const n = 20_000;
  const sp = ' '.repeat(n);
  const lines = [
    '\t' + sp + 'x', '1' + sp + 'x', '\t1' + sp + '件' + sp + 'x', '一、总体情况' + sp + 'x', '（一）a' + sp + 'x',
    '一、本年新收' + sp + 'x', '总体情况' + sp + 'x', '\u3000'.repeat(n) + '一、' + '\u3000'.repeat(n) + 'x', '**a'.repeat(n / 3),
    '一'.repeat(n), '第二十条第（'.repeat(n / 6), '政府信息公开'.repeat(n / 6) + '报告x', '1\t'.repeat(n / 2), '\t/ '.repeat(n / 3),
    '#'.repeat(n) + ' 一、总体情况', sp + '政府信息公开' + sp + '报告' + sp + 'x',
  ];
  const text = [`${HEADER} "stress"`, ...lines, '行政许可\t18\t\t', '#    ^^ constant.numeric.xxgk-report', ''].join('\n');
  withTempFixture('stress.txt', text, (glob) => {
    const started = Date.now();
    const r = runTool(glob, 60_000);
    assert.equal(r.signal, null, `tool was killed after ${Date.now() - started} ms`);
    assert.equal(r.status, 0, r.out);
    assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
  });
});
