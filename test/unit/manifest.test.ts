/**
 * The extension manifest: activation on the report language and on plain text (so that a plainly named report
 * is found), the language and its file patterns, settings matching the config schema and its defaults, every
 * %placeholder% translated in both package.nls files, every client string (vscode.l10n.t) in the Chinese
 * bundle; what the Marketplace and Open VSX need, the schema registration, the walkthrough and the packaging.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema, DEFAULT_CONFIG } from '../../server/src/config/schema';
import { RULES } from '../../server/src/engine';

const ROOT = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const json = (p: string) => JSON.parse(read(p)) as Record<string, unknown>;

interface Manifest {
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; description: string }; virtualWorkspaces: { supported: string } };
  contributes: {
    languages: { id: string; aliases: string[]; filenamePatterns: string[] }[];
    commands: { command: string; title: string }[];
    menus: { commandPalette: { command: string; when?: string }[] };
    configuration: { properties: Record<string, { type?: string; default: unknown; enum?: string[] }> };
    configurationDefaults: Record<string, Record<string, unknown>>;
  };
}
const pkg = json('package.json') as unknown as Manifest;

test('the extension activates with the report language and with plain text, and loads the bundled client', () => {
  assert.equal(pkg.main, './dist/extension.js');
  // Plain text: a report named report-a.txt is recognised by its opening lines only once the extension runs.
  assert.deepEqual(pkg.activationEvents, ['onLanguage:xxgk-report', 'onLanguage:plaintext']);
  assert.deepEqual(pkg.contributes.languages.map((l) => [l.id, l.aliases[0], l.filenamePatterns]), [['xxgk-report', '政府信息公开年报', ['*年度报告*.txt', '*年报*.txt']]]);
  assert.deepEqual(pkg.contributes.commands.map((c) => c.command), [
    'xxgk.switchToReport', 'xxgk.showPreview', 'xxgk.restartServer', 'xxgk.showOutput', 'xxgk.openSample', 'xxgk.fixAll', 'xxgk.enableFixOnSave',
    'xxgk.checkWorkspace', 'xxgk.compareWithPrevious', 'xxgk.compareWithChosen',
    'xxgk.reports.sortByErrors', 'xxgk.reports.sortByPath', 'xxgk.reports.onlyErrors', 'xxgk.reports.all',
    'xxgk.checkAsReport', 'xxgk.saveConvertedAsText',
  ]);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
});

test('the settings are the config schema’s keys (but `$schema`, a file’s own), with its defaults and values, and the client’s own two', () => {
  const props = pkg.contributes.configuration.properties;
  const configKeys = Object.keys(configSchema.shape).filter((k) => k !== '$schema').map((k) => `xxgk.${k}`);
  assert.deepEqual(Object.keys(props).sort(), [...configKeys, 'xxgk.trace.server', 'xxgk.detectByContent'].sort());
  assert.deepEqual([props['xxgk.trace.server'].enum, props['xxgk.trace.server'].default], [['off', 'messages', 'verbose'], 'off']);
  // Detection by content can be turned off (client/src/auto-switch.ts reads it); on by default.
  assert.deepEqual([props['xxgk.detectByContent'].type, props['xxgk.detectByContent'].default], ['boolean', true]);
  for (const [key, value] of Object.entries(DEFAULT_CONFIG)) if (key !== '$schema') assert.deepEqual(props[`xxgk.${key}`].default, value, key);
  assert.deepEqual([...(props['xxgk.version'].enum ?? [])].sort(), [...configSchema.shape.version.unwrap().options].sort());
});

test('one 「作为年报检查」 in the palette: the former id xxgk.switchToReport is kept for keybindings but hidden', () => {
  const palette = pkg.contributes.menus.commandPalette;
  assert.deepEqual(palette.find((m) => m.command === 'xxgk.switchToReport')?.when, 'false');
  assert.notEqual(palette.find((m) => m.command === 'xxgk.checkAsReport')?.when, 'false');
  const zh = json('package.nls.zh-cn.json');
  assert.equal(zh['command.checkAsReport'], '作为年报检查');
  // Both ids are registered by one function (client/src/commands.ts).
  const commands = read('client/src/commands.ts');
  assert.match(commands, /registerCommand\(CHECK_AS_REPORT_COMMAND, check\)/);
  assert.match(commands, /registerCommand\(SWITCH_TO_REPORT_COMMAND, check\)/);
});

test('the report language’s editor defaults: no ambiguous-character boxes on full-width punctuation, long paragraphs wrapped', () => {
  assert.deepEqual(pkg.contributes.configurationDefaults, {
    '[xxgk-report]': { 'editor.unicodeHighlight.ambiguousCharacters': false, 'editor.wordWrap': 'on' },
  });
});

test('every %placeholder% has an English and a Chinese string, and the two files have the same keys', () => {
  const en = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const used = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(used.length > 10);
  for (const key of used) {
    assert.equal(typeof en[key], 'string', `package.nls.json lacks ${key}`);
    assert.ok((zh[key] as string).length > 0, `package.nls.zh-cn.json lacks ${key}`);
  }
  for (const key of Object.keys(en)) assert.ok(used.includes(key), `${key} is not used by package.json`);
});

test('every client string goes through vscode.l10n and has a Chinese translation', () => {
  const bundle = json('l10n/bundle.l10n.zh-cn.json');
  const dir = join(ROOT, 'client', 'src');
  // client/src and its folders (preview/), as paths relative to client/src.
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const strings = files.flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/l10n\.t\('([^']+)'/g)].map((m) => m[1]));
  assert.ok(strings.length > 5);
  for (const s of strings) assert.equal(typeof bundle[s], 'string', `no translation for "${s}"`);
  for (const client of files) {
    const text = readFileSync(join(dir, client), 'utf8');
    // No pop-ups, except in answer to a command the user ran (the command modules).
    const commandModules = ['commands.ts', 'guided-start.ts', 'server-commands.ts', join('preview', 'panel.ts'), join('workspace', 'check.ts'), join('compare', 'panel.ts'), join('convert', 'converted-reports.ts')];
    if (!commandModules.includes(client)) assert.doesNotMatch(text, /show(Information|Warning|Error)Message/, client);
  }
});

test('the table preview: a command with the table icon, on the report editor’s title bar and in the palette for reports only', () => {
  const manifest = pkg as unknown as {
    contributes: {
      commands: { command: string; title: string; icon?: string }[];
      menus: Record<string, { command: string; when?: string; group?: string }[]>;
    };
  };
  const command = manifest.contributes.commands.find((c) => c.command === 'xxgk.showPreview');
  assert.deepEqual([command?.title, command?.icon], ['%command.showPreview%', '$(table)']);
  assert.deepEqual(manifest.contributes.menus['editor/title'].filter((m) => m.command === 'xxgk.showPreview'), [{ command: 'xxgk.showPreview', when: 'editorLangId == xxgk-report', group: 'navigation' }]);
  assert.deepEqual(manifest.contributes.menus.commandPalette.find((m) => m.command === 'xxgk.showPreview'), { command: 'xxgk.showPreview', when: 'editorLangId == xxgk-report' });
  // The panel's only message answers the command run without a report open.
  const panel = read('client/src/preview/panel.ts');
  assert.equal([...panel.matchAll(/show(Information|Warning|Error)Message/g)].length, 1);
  assert.match(panel, /private show\(\): void \{\n    const document = vscode\.window\.activeTextEditor\?\.document;\n    if \(!isReport\(document\)\) \{\n      void vscode\.window\.showInformationMessage/);
});

test('the language status item links to the xxgk settings and shows no pop-up', () => {
  const status = read('client/src/status.ts');
  assert.match(status, /command: 'workbench\.action\.openSettings', arguments: \[SETTINGS_SECTION\]/);
  assert.match(status, /counts\.error, counts\.warning/);
});

interface Listing {
  repository?: { type: string; url: string };
  bugs?: { url: string };
  homepage?: string;
  icon?: string;
  categories?: string[];
  keywords?: string[];
  files?: string[];
  dependencies?: Record<string, string>;
  scripts: Record<string, string>;
  contributes: {
    jsonValidation?: { fileMatch: string; url: string }[];
    walkthroughs?: {
      id: string; title: string;
      steps: { id: string; title: string; description: string; media: { markdown?: string }; completionEvents: string[] }[];
    }[];
    configuration: { properties: Record<string, { properties?: Record<string, { enum?: string[]; description?: string }> }> };
  };
}
const listing = pkg as unknown as Listing;

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  assert.equal(bytes.subarray(1, 4).toString('ascii'), 'PNG', 'a PNG file');
  assert.equal(bytes.subarray(12, 16).toString('ascii'), 'IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('what the Marketplace and Open VSX need: repository, bugs, homepage, a 128×128 icon, categories, Chinese keywords, a changelog', () => {
  assert.match(listing.repository?.url ?? '', /^https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
  assert.equal(listing.bugs?.url, listing.repository?.url.replace(/\.git$/, '/issues'));
  assert.equal(listing.homepage, listing.repository?.url.replace(/\.git$/, '#readme'));
  assert.equal(listing.icon, 'images/icon.png');
  assert.deepEqual(pngSize(readFileSync(join(ROOT, 'images', 'icon.png'))), [128, 128]);
  assert.deepEqual(listing.categories, ['Linters', 'Programming Languages']);
  for (const word of ['年报', '政府信息公开', '年度报告', '政务公开']) assert.ok(listing.keywords?.includes(word), word);
  // vsce allows at most 30 keywords.
  assert.ok((listing.keywords?.length ?? 0) <= 30);
  assert.match(read('CHANGELOG.md'), /^# 更新记录 · Changelog/);
  // Keep a Changelog: the version's own section once released, the Unreleased section before.
  const version = (JSON.parse(read('package.json')) as { version: string }).version;
  assert.match(read('CHANGELOG.md'), new RegExp(`^## \\[(Unreleased|${version.replace(/\./g, '\\.')})\\]`, 'm'));
  assert.ok(existsSync(join(ROOT, 'LICENSE')));
});

test('packaging: vsce builds for production itself, no workaround flags; npm ships only the bundles and what they read', () => {
  assert.equal(listing.scripts['vscode:prepublish'], 'node esbuild.mjs --production');
  assert.doesNotMatch(listing.scripts.package, /--no-dependencies|--allow-missing-repository|--skip-license|--no-rewrite-relative-links/);
  // Everything is bundled: installing the CLI downloads nothing.
  assert.equal(listing.dependencies, undefined);
  const files = listing.files ?? [];
  assert.ok(['dist/cli.js', 'dist/server.js', 'dist/extension.js', 'docs/rules/*.md'].every((f) => files.includes(f)), files.join(' '));
  assert.ok(!files.some((f) => /src|test|\.map|\.ts$|^dist\/?$|^dist\/\*\*?$/.test(f)), 'no sources, tests, source maps or whole dist/');
  // vsce packs the same list (it refuses a .vscodeignore beside `files`): what the manifest points at is in it.
  assert.equal(existsSync(join(ROOT, '.vscodeignore')), false);
  for (const shipped of ['images/icon.png', 'schemas/*.json', 'media/walkthrough/*.md', 'samples/004_fcebe1c6f102ee17.txt', 'CHANGELOG.md', 'LICENSE', 'README.md', 'THIRD-PARTY-NOTICES.md', 'syntaxes/*.json', 'l10n/*.json']) {
    assert.ok(files.includes(shipped), shipped);
  }
});

test('.xxgkrc.json is validated by the shipped schema; xxgk.rules lists every configurable code with its description', () => {
  assert.deepEqual(listing.contributes.jsonValidation, [{ fileMatch: '.xxgkrc.json', url: './schemas/xxgkrc.schema.json' }]);
  assert.ok(existsSync(join(ROOT, 'schemas', 'xxgkrc.schema.json')));
  const listed = listing.contributes.configuration.properties['xxgk.rules'].properties ?? {};
  const expected = [...RULES.flatMap((r) => [r.code, ...r.aliases]), 'file-encoding', 'file-unreadable', 'file-conversion', 'file-not-report'];
  assert.deepEqual(Object.keys(listed).sort(), expected.sort());
  assert.equal(listed['row-total'].description, '表二行总计 ≠ 各类申请人之和 · Table 2 row total ≠ sum of applicant types');
  assert.deepEqual(listed['cell-blank'].enum, ['error', 'warning', 'info', 'hint', 'off']);
});

test('the walkthrough: five steps, each with its page and a completion event; every command it links to exists', () => {
  const [walkthrough] = listing.contributes.walkthroughs ?? [];
  assert.ok(walkthrough);
  assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openSample', 'problems', 'preview', 'fix', 'fixOnSave']);
  const own = new Set(pkg.contributes.commands.map((c) => c.command));
  const builtIn = new Set(['workbench.actions.view.problems']);
  const en = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');
  for (const step of walkthrough.steps) {
    assert.ok(step.media.markdown && existsSync(join(ROOT, step.media.markdown)), `${step.id}: page ${step.media.markdown}`);
    const page = read(step.media.markdown);
    assert.ok(/[\u4e00-\u9fff]/.test(page.split('---')[0]) && page.includes('---'), `${step.id}: Chinese first, then English`);
    assert.ok(step.completionEvents.length > 0, step.id);
    for (const nls of [en, zh]) {
      const description = nls[step.description.replace(/%/g, '')] as string;
      const links = [...description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.equal(links.length, 1, `${step.id}: one button`);
      assert.ok(own.has(links[0]) || builtIn.has(links[0]), `${step.id}: command ${links[0]}`);
    }
    for (const event of step.completionEvents.filter((e) => e.startsWith('onCommand:'))) {
      const command = event.slice('onCommand:'.length);
      assert.ok(own.has(command) || builtIn.has(command), `${step.id}: completion command ${command}`);
    }
  }
  // The sample the first step opens is the one shipped.
  assert.match(read('client/src/guided-start.ts'), /SAMPLE_REPORT = 'samples\/004_fcebe1c6f102ee17\.txt'/);
  assert.ok(existsSync(join(ROOT, 'samples', '004_fcebe1c6f102ee17.txt')));
});

test('the README opens with installing (Marketplace, Open VSX, offline .vsix, the packed CLI), in Chinese and in English', () => {
  const readme = read('README.md');
  const zhInstall = readme.indexOf('## 安装');
  const enInstall = readme.indexOf('## Install');
  assert.ok(zhInstall > 0 && zhInstall < readme.indexOf('npm ci'), 'the Chinese half installs before the developer commands');
  assert.ok(enInstall > readme.indexOf('\n---\n') && enInstall < readme.indexOf('npm ci', enInstall), 'so does the English half');
  for (const half of [readme.slice(zhInstall, readme.indexOf('npm ci')), readme.slice(enInstall, readme.indexOf('npm ci', enInstall))]) {
    assert.match(half, /Marketplace/);
    assert.match(half, /Open VSX/);
    assert.match(half, /code --install-extension xxgk-report-[\d.]+\.vsix/);
    // The CLI's npm package is named after the command (scripts/cli-package.mjs): npx works once published.
    assert.match(half, /npx xxgk-check /);
    assert.match(half, /npm install -g xxgk-check-[\d.]+\.tgz/);
  }
});

test('a newcomer reads how long npm test and the e2e take, how to run the e2e and make the .vsix, in both languages', () => {
  const readme = read('README.md');
  const halves = [readme.slice(0, readme.indexOf('\n---\n')), readme.slice(readme.indexOf('\n---\n'))];
  for (const half of halves) {
    assert.match(half, /npm test .*2 (分钟|minutes)/);
    assert.match(half, /npm run test:e2e .*5–9 (分钟|minutes)/);
    assert.match(half, /npm run package .*xxgk-report\.vsix/);
    assert.match(half, /npm run release /);
    assert.match(half, /EBADENGINE/);
    assert.match(half, /allowScripts/);
  }
  const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  for (const name of ['test:e2e', 'package', 'release', 'test:install', 'demo']) assert.ok(scripts[name], name);
});
