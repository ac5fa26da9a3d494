/**
 * Config problems are worded in the user's language: zod v4's zhCN locale (English for en) for its own
 * issues, our words for ours, and "did you mean" for an unknown key, rule code or value (config/zod-messages.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestMatches, editDistance } from '../../server/src/config/did-you-mean';
import { fileLayer, settingsLayer } from '../../server/src/config/resolve';
import { parseConfig, parseConfigText } from '../../server/src/config/schema';

const problems = (input: unknown, locale: 'zh-CN' | 'en' = 'zh-CN') => {
  const r = parseConfig(input, locale);
  assert.equal(r.ok, false);
  return r.ok ? [] : r.problems;
};

test('edit distance counts insertions, deletions, substitutions and swaps of neighbours', () => {
  assert.equal(editDistance('row-total', 'row-total'), 0);
  assert.equal(editDistance('row-totl', 'row-total'), 1);
  assert.equal(editDistance('wor-total', 'row-total'), 2);
  assert.equal(editDistance('rwo-total', 'row-total'), 1, 'a swap is one edit');
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('Version', 'version'), 0, 'case does not count');
});

test('"did you mean" offers the nearest word, or nothing when all are far', () => {
  assert.deepEqual(closestMatches('row-totl', ['item-total', 'row-total', 'review-total']), ['row-total']);
  assert.deepEqual(closestMatches('verison', ['version', 'rules', 'files']), ['version']);
  assert.deepEqual(closestMatches('zzzz', ['version', 'rules', 'files']), []);
  assert.deepEqual(closestMatches('--form', ['--format', '--fix']), ['--format'], 'a prefix typed short');
  assert.deepEqual(closestMatches('-x', ['-v', '-h', '-o']), [], 'one letter is too little to guess from');
});

test('Chinese by default: unknown keys and rule codes with a suggestion, zod’s own issues in zhCN', () => {
  assert.deepEqual(problems({ verison: '2019' }), [{ path: '', message: '未知的键「verison」，是否要写「version」？' }]);
  assert.deepEqual(problems({ rules: { 'row-totl': 'off' } }), [{ path: 'rules.row-totl', message: '未知的规则「row-totl」，是否要写「row-total」？' }]);
  assert.deepEqual(problems({ ignore: [{ rule: 'cel-blank', file: 'a.txt' }] }), [{ path: 'ignore.0.rule', message: '未知的规则「cel-blank」，是否要写「cell-blank」？' }]);
  const [severity] = problems({ rules: { 'row-total': 'warn' } });
  assert.equal(severity.path, 'rules.row-total');
  assert.match(severity.message, /^无效选项：期望以下之一 "error"\|"warning"\|"info"\|"hint"\|"off"，是否要写「warning」？$/);
  const [version] = problems({ version: 2019 });
  assert.match(version.message, /^无效选项/);
  assert.deepEqual(problems({ files: [''] }), [{ path: 'files.0', message: '不能为空' }]);
  assert.match(problems({ inlayHints: 'yes' })[0].message, /^无效输入：期望 boolean，实际接收 string$/);
});

test('English in the en locale, for the same problems', () => {
  assert.deepEqual(problems({ verison: '2019' }, 'en'), [{ path: '', message: 'unknown key "verison"; did you mean "version"?' }]);
  assert.deepEqual(problems({ rules: { 'row-totl': 'off' } }, 'en'), [{ path: 'rules.row-totl', message: 'unknown rule "row-totl"; did you mean "row-total"?' }]);
  assert.match(problems({ rules: { 'row-total': 'warn' } }, 'en')[0].message, /^Invalid option: expected one of .*; did you mean "warning"\?$/);
  const r = parseConfigText('{ "rules": ', 'en');
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.problems[0].message, /^invalid JSON: /);
});

test('the editor’s settings and config files are worded in the server’s locale', () => {
  assert.deepEqual(settingsLayer({ version: '2020' }, 'en').problems.map((p) => p.path), ['xxgk.version']);
  assert.match(settingsLayer({ rules: { 'row-totl': 'off' } }, 'en').problems[0].message, /did you mean "row-total"/);
  assert.match(settingsLayer({ rules: { 'row-totl': 'off' } }).problems[0].message, /是否要写「row-total」/);
  assert.deepEqual(fileLayer('{ "rulez": {} }').problems, [{ path: '', message: '未知的键「rulez」，是否要写「rules」？' }]);
  assert.deepEqual(fileLayer('{ "version": "2019" }').layer, { version: '2019' }, 'a file layer holds only the keys it sets');
});
