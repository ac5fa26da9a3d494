/**
 * Configuration lookup for the language server (server/src/config/resolve.ts, suppress.ts, glob.ts):
 * per-key validation of settings, all-or-nothing config files, the order defaults < settings < nearest
 * `.xxgkrc.json`, one log message per problem, and suppressions by rule, file, row and column.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigResolver, fileLayer, mergeLayers, settingsLayer, type ConfigEnvironment } from '../../server/src/config/resolve';
import { DEFAULT_CONFIG } from '../../server/src/config/schema';
import { isSuppressed } from '../../server/src/config/suppress';
import type { Finding } from '../../server/src/engine';

const ROOT = join('/', 'work', 'reports');

function env(files: Record<string, string>, settings: unknown = {}, folders: string[] = [ROOT]) {
  const logs: string[] = [];
  const reads: string[] = [];
  const e: ConfigEnvironment = {
    fetchSettings: () => Promise.resolve(settings),
    readFile: (p) => {
      reads.push(p);
      return files[p];
    },
    workspaceFolders: () => folders,
    log: (m) => logs.push(m),
  };
  return { e, logs, reads };
}
const messages = { badSettings: (p: string) => `settings: ${p}`, badFile: (path: string, p: string) => `file ${path}: ${p}` };

test('settings: each key is validated alone; a bad one is reported and dropped, the rest applies', () => {
  const r = settingsLayer({ version: '2020', rules: { 'cell-blank': 'off' }, files: 'x', extra: 1 });
  assert.deepEqual(r.layer, { rules: { 'cell-blank': 'off' } });
  assert.deepEqual(r.problems.map((p) => p.path), ['xxgk.version', 'xxgk.files']);
  assert.deepEqual(settingsLayer(null), { layer: {}, problems: [] });
  assert.equal(settingsLayer('nope').problems.length, 1);
});

test('a config file is all or nothing, and only the keys it sets override', () => {
  assert.equal(fileLayer('{ "rules": ').layer, null);
  assert.equal(fileLayer('{ "rules": { "no-such-rule": "off" } }').layer, null);
  assert.equal(fileLayer('{ "verzion": "2019" }').layer, null, 'unknown keys are errors in a file');
  assert.deepEqual(fileLayer('\uFEFF{ "version": "2019" }').layer, { version: '2019' });
  const merged = mergeLayers([{ version: '2021', rules: { 'cell-blank': 'off', balance: 'hint' } }, { rules: { balance: 'warning' } }]);
  assert.deepEqual(merged, { ...DEFAULT_CONFIG, version: '2021', rules: { 'cell-blank': 'off', balance: 'warning' } });
});

test('the nearest .xxgkrc.json wins over farther ones and over settings', async () => {
  const { e } = env({
    [join(ROOT, '.xxgkrc.json')]: '{ "version": "2019" }',
    [join(ROOT, 'a', '.xxgkrc.json')]: '{ "rules": { "balance": "off" } }',
  }, { version: '2021', rules: { balance: 'hint', 'cell-blank': 'info' } });
  const resolver = new ConfigResolver(e, messages);
  const r = await resolver.resolve(pathToFileURL(join(ROOT, 'a', 'b', 'report.txt')).href);
  assert.equal(r.configFile, join(ROOT, 'a', '.xxgkrc.json'));
  assert.equal(r.config.version, '2021', 'the farther file is not read into it');
  assert.deepEqual(r.config.rules, { balance: 'off', 'cell-blank': 'info' });
});

test('a bad file is logged once for every document below it, and the settings still apply; invalidate logs again', async () => {
  const { e, logs } = env({ [join(ROOT, '.xxgkrc.json')]: '{ oops' }, { rules: { balance: 'off' } });
  const resolver = new ConfigResolver(e, messages);
  for (const name of ['a.txt', 'b.txt']) {
    const r = await resolver.resolve(pathToFileURL(join(ROOT, name)).href);
    assert.equal(r.configFile, null);
    assert.deepEqual(r.config.rules, { balance: 'off' });
  }
  assert.equal(logs.length, 1);
  assert.match(logs[0], /^file .*\.xxgkrc\.json: 不是有效的 JSON/);
  resolver.invalidate();
  await resolver.resolve(pathToFileURL(join(ROOT, 'a.txt')).href);
  assert.equal(logs.length, 2);
});

test('an untitled document uses the first workspace folder’s file; results are cached per URI', async () => {
  const { e, reads } = env({ [join(ROOT, '.xxgkrc.json')]: '{ "rules": { "cell-blank": "off" } }' });
  const resolver = new ConfigResolver(e, messages);
  const r = await resolver.resolve('untitled:Untitled-1');
  assert.deepEqual(r.config.rules, { 'cell-blank': 'off' });
  assert.deepEqual(r.subject, { path: null, name: 'Untitled-1' });
  const n = reads.length;
  await resolver.resolve('untitled:Untitled-1');
  assert.equal(reads.length, n, 'cached');
});

const finding = (code: string, row?: string, column?: string) => ({ code, target: { row, column } }) as unknown as Finding;

test('suppressions match rule (or alias), file glob relative to their config, row and column', () => {
  const base = join(ROOT, 'cfg');
  const subject = { path: join(base, '2019', 'report.txt'), name: 'report.txt' };
  const s = (entry: object) => [{ entry: { rule: 'item-total', file: '**/*.txt', ...entry }, base }];
  assert.equal(isSuppressed(finding('item-total', 'R3.7', 'natural'), subject, s({})), true);
  assert.equal(isSuppressed(finding('item-total', 'R3.7', 'natural'), subject, s({ row: 'R3.7', column: 'natural' })), true);
  assert.equal(isSuppressed(finding('item-total', 'R3.7', 'total'), subject, s({ row: 'R3.7', column: 'natural' })), false);
  assert.equal(isSuppressed(finding('balance', 'R3.7', 'natural'), subject, s({})), false);
  assert.equal(isSuppressed(finding('item-total'), subject, s({ file: '2019/report.txt' })), true);
  assert.equal(isSuppressed(finding('item-total'), subject, s({ file: '*.txt' })), false, '* does not cross folders');
  assert.equal(isSuppressed(finding('item-total'), { path: null, name: 'Untitled-1' }, s({ file: 'Untitled-*' })), true);
});

