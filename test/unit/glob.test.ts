/**
 * The one glob dialect (server/src/config/glob.ts), VS Code's: used for `xxgk.files`, the config's `files`
 * and `ignore[].file`, `--ignore` and glob arguments. Expected answers are VS Code's (files.exclude) rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globListMatcher, isGlob, matchesGlob } from '../../server/src/config/glob';

test('[…] matches one character of a set or range; [!…] and [^…] one character outside it', () => {
  assert.equal(matchesGlob('samples/002_a.txt', 'samples/00[0-3]*'), true);
  assert.equal(matchesGlob('samples/005_a.txt', 'samples/00[0-3]*'), false);
  assert.equal(matchesGlob('samples/005_a.txt', 'samples/00[!0-3]*'), true);
  assert.equal(matchesGlob('samples/002_a.txt', 'samples/00[!0-3]*'), false);
  assert.equal(matchesGlob('samples/005_a.txt', 'samples/00[^0-3]*'), true);
  assert.equal(matchesGlob('r2.txt', 'r[123].txt'), true);
  assert.equal(matchesGlob('r4.txt', 'r[123].txt'), false);
  // A set matches one character, never a folder separator.
  assert.equal(matchesGlob('a/b', 'a[!x]b'), false);
});

test('a leading ! negates one glob; in a list it takes back what the globs before it matched, the last word winning', () => {
  assert.equal(matchesGlob('a.txt', '!a.txt'), false);
  assert.equal(matchesGlob('b.txt', '!a.txt'), true);
  const ignore = globListMatcher(['drafts/**', '!drafts/final/**']);
  assert.equal(ignore('drafts/v1.txt'), true);
  assert.equal(ignore('drafts/final/2024年度报告.txt'), false);
  assert.equal(ignore('other/v1.txt'), false);
  const again = globListMatcher(['drafts/**', '!drafts/final/**', 'drafts/final/old*']);
  assert.equal(again('drafts/final/old.txt'), true);
  assert.equal(again('drafts/final/new.txt'), false);
  // Only negations: nothing is matched.
  assert.equal(globListMatcher(['!a.txt'])('b.txt'), false);
  assert.equal(globListMatcher([])('a.txt'), false);
});

test('{a,b} picks one alternative, also of several characters and with globs inside', () => {
  assert.equal(matchesGlob('x/r.md', 'x/r.{txt,md}'), true);
  assert.equal(matchesGlob('x/r.doc', 'x/r.{txt,md}'), false);
  assert.equal(matchesGlob('2023/乙局年报.txt', '{2022,2023}/*年报*.txt'), true);
  assert.equal(matchesGlob('2021/乙局年报.txt', '{2022,2023}/*年报*.txt'), false);
  assert.equal(matchesGlob('a/b.pdf', '**/*.{txt,pdf}'), true);
});

test('** crosses any number of folders (none too); * and ? stay within one and match a leading dot, as in VS Code', () => {
  assert.equal(matchesGlob('a/b/2019年度报告.txt', '**/*年度报告*.txt'), true);
  assert.equal(matchesGlob('2019年度报告.txt', '**/*年度报告*.txt'), true);
  assert.equal(matchesGlob('drafts/a/b.txt', 'drafts/**'), true);
  assert.equal(matchesGlob('drafts/', 'drafts/**'), true, 'a folder tested with its slash is skipped whole');
  assert.equal(matchesGlob('a/x/y/b.txt', 'a/**/b.txt'), true);
  assert.equal(matchesGlob('a/b.txt', 'a/**/b.txt'), true);
  assert.equal(matchesGlob('a/b.txt', '*.txt'), false);
  assert.equal(matchesGlob('a.txt', '?.txt'), true);
  assert.equal(matchesGlob('ab.txt', '?.txt'), false);
  assert.equal(matchesGlob('.hidden/r.txt', '**/*.txt'), true);
  assert.equal(matchesGlob('a/.r.txt', 'a/*.txt'), true);
});

test('other characters are literal: no extglobs, no regex; backslashes and a leading ./ are normalised', () => {
  assert.equal(matchesGlob('r(1).txt', 'r(1).txt'), true);
  assert.equal(matchesGlob('rx1).txt', 'r(1).txt'), false);
  assert.equal(matchesGlob('r+1.txt', 'r+1.txt'), true);
  assert.equal(matchesGlob('@(a).txt', '@(a).txt'), true);
  assert.equal(matchesGlob('a.txt', '@(a).txt'), false);
  assert.equal(matchesGlob('./a.txt', 'a.txt'), true);
  assert.equal(matchesGlob('a\\b.txt', 'a/*.txt'), true);
});

test('isGlob: *, ?, [ and { make a glob', () => {
  for (const g of ['*.txt', 'a?.txt', 'samples/00[0-3]*', 'r.{txt,md}']) assert.equal(isGlob(g), true, g);
  for (const p of ['samples/002.txt', 'a b.txt', '年报(2023).txt']) assert.equal(isGlob(p), false, p);
});

test('one module: the editor’s auto-switch, the workspace check, suppressions and the CLI all match with config/glob.ts', () => {
  const read = (p: string) => readFileSync(join(__dirname, '..', '..', p), 'utf8');
  for (const file of ['server/src/files/identify.ts', 'server/src/cli/discover.ts', 'server/src/features/workspace-check.ts', 'server/src/config/suppress.ts']) {
    assert.match(read(file), /from '(?:\.\.\/)+(?:server\/src\/)?config\/glob'|from '\.\/glob'/, file);
  }
  // VS Code's own matcher is not used beside it: one dialect, one implementation.
  for (const file of ['client/src/auto-switch.ts', 'server/src/files/identify.ts']) assert.doesNotMatch(read(file), /languages\.match\(/, file);
});
