/**
 * Folders, globs, --ignore and configuration: a folder is searched recursively for the files the editor
 * would check (the config's `files` globs) and for *.txt files that open like an annual report, the other *.txt
 * files listed as not reports (issue 22); the nearest
 * .xxgkrc.json upward from each file applies unless --config names one; a bad config is exit 2, naming the key.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, runJson, SAMPLE, SAMPLES, sampleText, tempDir, writeTree } from './support/cli';

const t = tempDir();
before(() => {
  writeTree(t.dir, {
    // Reports by content: the samples' own names match no glob.
    [`reports/${SAMPLE.s002}`]: sampleText(SAMPLE.s002),
    [`reports/2021/${SAMPLE.s004}`]: sampleText(SAMPLE.s004),
    // By name (the default globs), whatever the content.
    'reports/2021/草稿年度报告.txt': '这是一份草稿，尚未成文。\n',
    'reports/2021/市卫健委年报.txt': sampleText(SAMPLE.s003),
    // Not reports: prose .txt, another extension, hidden and dependency folders.
    'reports/notes.txt': '会议记录\n下周一上午九点开会。\n',
    [`reports/copy.md`]: sampleText(SAMPLE.s002),
    [`reports/.cache/${SAMPLE.s004}`]: sampleText(SAMPLE.s004),
    [`reports/node_modules/pkg/${SAMPLE.s004}`]: sampleText(SAMPLE.s004),
  });
});
after(() => t.remove());

const paths = (files: { path: string }[]) => files.map((f) => f.path);

test('a folder: reports found recursively by name and by content, sorted; a .txt that is no report listed as such; other extensions skipped', () => {
  const { run, files } = runJson(['reports'], { cwd: t.dir });
  assert.equal(run.stderr, '');
  assert.deepEqual(paths(files), [
    `reports/${SAMPLE.s002}`,
    `reports/2021/${SAMPLE.s004}`,
    'reports/2021/市卫健委年报.txt',
    'reports/2021/草稿年度报告.txt',
    'reports/notes.txt',
  ], 'depth-first, each folder\'s entries sorted by name');
  assert.ok(files.find((f) => f.path.endsWith('草稿年度报告.txt'))!.diagnostics.length > 0, 'a draft matched by name is checked');
  const notes = files.find((f) => f.path === 'reports/notes.txt')!;
  assert.equal(notes.status, 'not-report');
  assert.deepEqual(notes.diagnostics.map((d) => [d.code, d.severity]), [['file-not-report', 'info']]);
  const text = runCli(['reports'], { cwd: t.dir });
  assert.equal(text.stdout.split('\n').filter((l) => l.includes('notes.txt')).length, 1);
  assert.match(text.stdout, /^reports\/notes\.txt {2}信息 不是年度报告.*file-not-report$/m, 'one line for the file that is no report');
});

test('the bundled samples folder works: every sample is found', () => {
  const { files } = runJson([SAMPLES]);
  assert.deepEqual(paths(files), Object.values(SAMPLE).map((n) => join(SAMPLES, n)));
});

test('--ignore skips files and whole folders (globs relative to the working folder)', () => {
  const none = runCli(['--ignore', 'reports/2021/**', '--ignore', '**/*002*', 'reports'], { cwd: t.dir });
  assert.equal(none.code, 2, 'everything ignored: the folder yields no report');
  assert.match(none.stderr, /no report files found in folder\): reports/);
  const some = runJson(['--ignore', '**/草稿*', 'reports'], { cwd: t.dir });
  assert.ok(!paths(some.files).some((p) => p.includes('草稿')));
  assert.equal(some.files.length, 4, 'three reports and notes.txt, listed as no report');
});

test('a glob argument picks every file it matches, without the content test', () => {
  const { run, files } = runJson(['reports/**/*.md', 'reports/*.txt'], { cwd: t.dir });
  assert.equal(run.stderr, '');
  assert.deepEqual(paths(files), ['reports/copy.md', `reports/${SAMPLE.s002}`, 'reports/notes.txt']);
});

test('a file named twice (as a file and through its folder) is checked once', () => {
  const { files } = runJson([`reports/${SAMPLE.s002}`, 'reports'], { cwd: t.dir });
  assert.equal(files.filter((f) => f.path.endsWith(SAMPLE.s002)).length, 1);
});

test('the nearest .xxgkrc.json upward applies: rules, version, files globs and ignore entries', () => {
  const c = tempDir();
  try {
    writeTree(c.dir, {
      'a/.xxgkrc.json': JSON.stringify({ rules: { 'item-total': 'off' }, files: ['**/*.report'] }),
      [`a/x/${SAMPLE.s004}`]: sampleText(SAMPLE.s004),
      'a/x/second.report': sampleText(SAMPLE.s004),
      'b/.xxgkrc.json': JSON.stringify({ ignore: [{ rule: 'balance', file: '**/004_*.txt' }, { rule: 'cell-blank', file: `y/${SAMPLE.s004}` }, { rule: 'item-total', file: SAMPLE.s004 }] }),
      [`b/y/${SAMPLE.s004}`]: sampleText(SAMPLE.s004),
      [`c/${SAMPLE.s004}`]: sampleText(SAMPLE.s004),
    });
    const { files } = runJson(['a', 'b', 'c'], { cwd: c.dir });
    const codes = (p: string) => new Set(files.find((f) => f.path === p)!.diagnostics.map((d) => d.code));
    assert.deepEqual(paths(files), [`a/x/${SAMPLE.s004}`, 'a/x/second.report', `b/y/${SAMPLE.s004}`, `c/${SAMPLE.s004}`]);
    for (const p of [`a/x/${SAMPLE.s004}`, 'a/x/second.report']) {
      assert.ok(!codes(p).has('item-total'), `${p}: item-total is off in a/.xxgkrc.json`);
      assert.ok(codes(p).has('balance'));
    }
    assert.ok(!codes(`b/y/${SAMPLE.s004}`).has('balance'), 'ignored by a glob');
    assert.ok(!codes(`b/y/${SAMPLE.s004}`).has('cell-blank'), 'ignored by its path relative to the config');
    assert.ok(codes(`b/y/${SAMPLE.s004}`).has('item-total'), 'a bare file name is a path relative to the config: y/ is not there');
    for (const code of ['item-total', 'balance', 'cell-blank']) assert.ok(codes(`c/${SAMPLE.s004}`).has(code), `c/ has no config: ${code}`);

    // --rule wins over the config; --config replaces the lookup.
    const flag = runJson(['--rule', 'item-total=warning', 'a'], { cwd: c.dir });
    assert.ok(flag.files[0].diagnostics.some((d) => d.code === 'item-total' && d.severity === 'warning'));
    const explicit = runJson(['--config', 'b/.xxgkrc.json', 'a/x'], { cwd: c.dir });
    assert.ok(explicit.files[0].diagnostics.some((d) => d.code === 'item-total'), 'a/.xxgkrc.json is not used with --config');
  } finally {
    c.remove();
  }
});

test('a config version applies unless --version is given', () => {
  const c = tempDir();
  try {
    writeTree(c.dir, { '.xxgkrc.json': JSON.stringify({ version: '2021' }), [SAMPLE.s004]: sampleText(SAMPLE.s004) });
    assert.equal(runJson([SAMPLE.s004], { cwd: c.dir }).files[0].version, '2021');
    assert.equal(runJson(['--version', 'auto', SAMPLE.s004], { cwd: c.dir }).files[0].version, '2019');
  } finally {
    c.remove();
  }
});

const badConfigs: { name: string; config: string; message: RegExp }[] = [
  { name: 'an unknown rule', config: JSON.stringify({ rules: { 'row-totl': 'off' } }), message: /rules\.row-totl: 未知的规则「row-totl」，是否要写「row-total」？/ },
  { name: 'a bad severity', config: JSON.stringify({ rules: { 'row-total': 'loud' } }), message: /rules\.row-total: 无效选项：期望以下之一 "error"\|"warning"/ },
  { name: 'a misspelt severity', config: JSON.stringify({ rules: { 'row-total': 'eror' } }), message: /rules\.row-total: 无效选项：.*，是否要写「error」？/ },
  { name: 'an unknown key', config: JSON.stringify({ rulez: {} }), message: /未知的键「rulez」，是否要写「rules」？/ },
  { name: 'a bad version', config: JSON.stringify({ version: 2020 }), message: /version: / },
  { name: 'invalid JSON', config: '{ "rules": ', message: /不是有效的 JSON：/ },
];

for (const { name, config, message } of badConfigs) {
  test(`a bad config (${name}): exit 2, the message names the key, nothing is checked`, () => {
    const c = tempDir();
    try {
      writeTree(c.dir, { 'bad.json': config, 'sub/.xxgkrc.json': config, [`sub/${SAMPLE.s002}`]: sampleText(SAMPLE.s002) });
      for (const args of [['--config', 'bad.json', `sub/${SAMPLE.s002}`], [`sub/${SAMPLE.s002}`]]) {
        const r = runCli(['--format', 'json', ...args], { cwd: c.dir });
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.stderr, /配置文件有误 /);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      }
    } finally {
      c.remove();
    }
  });
}

test('--config naming a missing file: exit 2', () => {
  const r = runCli(['--config', 'no-such.json', join(SAMPLES, SAMPLE.s002)]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /找不到配置文件：no-such.json/);
});
