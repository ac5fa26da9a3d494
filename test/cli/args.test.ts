/** Flags are validated before anything is read: a clear message naming the flag, exit code 2. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, SAMPLES, SAMPLE } from './support/cli';

const sample = join(SAMPLES, SAMPLE.s002);

test('-h and --help print the usage in Chinese and English, exit 0', () => {
  for (const flag of ['-h', '--help']) {
    const r = runCli([flag]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /用法 \/ Usage: xxgk-check/);
    for (const option of ['--format text|json|sarif|summary', '--rule', '--ignore', '--config', '--max-warnings', '--quiet', '--fix-dry-run', '--locale', '--stdin-filename', '--color, --no-color', '-v, --version', '[!0-9]']) {
      assert.ok(r.stdout.includes(option), `help mentions ${option}`);
    }
    assert.match(r.stdout, /退出码 \/ Exit codes/);
    assert.equal(r.stderr, '');
  }
});

const usageErrors: { args: string[]; message: RegExp }[] = [
  { args: [], message: /至少需要一个文件、文件夹或通配符/ },
  { args: ['--frobnicate', sample], message: /未知选项：--frobnicate\n/ },
  { args: ['--formt', 'json', sample], message: /未知选项：--formt，是否要写 --format？/ },
  { args: ['--no-colour', sample], message: /未知选项：--no-colour，是否要写 --no-color？/ },
  { args: ['--format', 'xml', sample], message: /--format: 无效选项：.*text.*json.*sarif.*summary/ },
  { args: ['--format=xml', sample], message: /--format:/ },
  { args: ['--version', '2020', sample], message: /--version:/ },
  { args: ['--locale', 'fr', sample], message: /--locale:/ },
  { args: ['--rule', 'row-totl=off', sample], message: /--rule: 未知的规则「row-totl」，是否要写「row-total」？/ },
  { args: ['--rule', 'zzzz=off', sample], message: /--rule: 未知的规则「zzzz」\n/ },
  { args: ['--rule', 'row-total=loud', sample], message: /--rule: 「row-total」的级别应为 off、error、warning、info 或 hint，实为「loud」/ },
  { args: ['--rule', 'row-total', sample], message: /--rule: 应为 CODE=级别/ },
  { args: ['--max-warnings', 'many', sample], message: /--max-warnings: 应为整数，实为「many」/ },
  { args: ['--max-warnings', '-5', sample], message: /--max-warnings: 应不小于 -1/ },
  { args: ['--fix', '--fix-dry-run', sample], message: /--fix 与 --fix-dry-run/ },
  { args: ['--quiet=yes', sample], message: /--quiet 不带值/ },
  { args: [sample, '--config'], message: /--config 需要一个值/ },
  { args: ['--format', 'json', '--format', 'text', sample], message: /--format 只能给一次/ },
];

for (const { args, message } of usageErrors) {
  test(`usage error: xxgk-check ${args.map((a) => a.replace(SAMPLES, 'samples')).join(' ')}`, () => {
    const r = runCli(args);
    assert.equal(r.code, 2);
    assert.match(r.stderr, message);
    assert.match(r.stderr, /xxgk-check --help/);
    assert.equal(r.stdout, '', 'nothing on stdout for a usage error');
  });
}

test('--rule accepts aliases and the CLI codes, repeated, as --rule=value or --rule value', () => {
  const r = runCli(['--rule=row-total=off', '--rule', 'file-encoding=warning', '--rule', 'cell-blank=error', '--', sample]);
  assert.equal(r.code, 0, r.stderr);
});

test('with --locale en the usage errors are English, "did you mean" included', () => {
  const cases: { args: string[]; message: RegExp }[] = [
    { args: ['--locale', 'en', '--formt', 'json', sample], message: /^xxgk-check: unknown option: --formt; did you mean --format\?\nrun xxgk-check --help for usage\n$/ },
    { args: ['--locale=en', '--rule', 'row-totl=off', sample], message: /--rule: unknown rule "row-totl"; did you mean "row-total"\?/ },
    { args: ['--locale', 'en', '--format', 'xml', sample], message: /--format: Invalid option: expected one of "text"/ },
    { args: ['--locale', 'en', '--max-warnings', 'many', sample], message: /--max-warnings: expected a whole number, got "many"/ },
    { args: ['--locale', 'en', '--fix', '--fix-dry-run', sample], message: /use one of --fix and --fix-dry-run/ },
  ];
  for (const { args, message } of cases) {
    const r = runCli(args);
    assert.equal(r.code, 2);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /[\u4e00-\u9fff]/, 'no Chinese in the en locale');
  }
});
