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
    for (const option of ['--format text|json|sarif|summary', '--rule', '--ignore', '--config', '--max-warnings', '--quiet', '--fix-dry-run', '--locale']) {
      assert.ok(r.stdout.includes(option), `help mentions ${option}`);
    }
    assert.match(r.stdout, /退出码 \/ Exit codes/);
    assert.equal(r.stderr, '');
  }
});

const usageErrors: { args: string[]; message: RegExp }[] = [
  { args: [], message: /至少需要一个文件.*at least one file/ },
  { args: ['--frobnicate', sample], message: /unknown option\): --frobnicate/ },
  { args: ['--format', 'xml', sample], message: /--format: .*text.*json.*sarif.*summary/ },
  { args: ['--format=xml', sample], message: /--format:/ },
  { args: ['--version', '2020', sample], message: /--version:/ },
  { args: ['--locale', 'fr', sample], message: /--locale:/ },
  { args: ['--rule', 'row-totl=off', sample], message: /--rule: 未知的规则「row-totl」\(unknown rule\)/ },
  { args: ['--rule', 'row-total=loud', sample], message: /--rule: .*invalid severity/ },
  { args: ['--rule', 'row-total', sample], message: /--rule: .*expected CODE=/ },
  { args: ['--max-warnings', 'many', sample], message: /--max-warnings: .*whole number/ },
  { args: ['--max-warnings', '-5', sample], message: /--max-warnings: .*-1 or more/ },
  { args: ['--fix', '--fix-dry-run', sample], message: /--fix 与 --fix-dry-run/ },
  { args: ['--quiet=yes', sample], message: /--quiet 不带值 \(takes no value\)/ },
  { args: [sample, '--config'], message: /--config 需要一个值 \(needs a value\)/ },
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
