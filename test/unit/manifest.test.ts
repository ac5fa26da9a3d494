/**
 * The extension manifest (issue 4): activation only on the report language, the language and its file
 * pattern, settings matching the config schema and its defaults, every %placeholder% translated in both
 * package.nls files, and every client string (vscode.l10n.t) in the Chinese bundle.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema, DEFAULT_CONFIG } from '../../server/src/config/schema';

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
    configuration: { properties: Record<string, { default: unknown; enum?: string[] }> };
  };
}
const pkg = json('package.json') as unknown as Manifest;

test('the extension activates only for the report language and loads the bundled client', () => {
  assert.equal(pkg.main, './dist/extension.js');
  assert.deepEqual(pkg.activationEvents, ['onLanguage:xxgk-report']);
  assert.deepEqual(pkg.contributes.languages.map((l) => [l.id, l.aliases[0], l.filenamePatterns]), [['xxgk-report', '政府信息公开年报', ['*年度报告*.txt']]]);
  assert.deepEqual(pkg.contributes.commands.map((c) => c.command), ['xxgk.switchToReport', 'xxgk.showPreview', 'xxgk.checkAsReport', 'xxgk.saveConvertedAsText']);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
});

test('the settings are the config schema’s keys, with its defaults and values', () => {
  const props = pkg.contributes.configuration.properties;
  assert.deepEqual(Object.keys(props).sort(), Object.keys(configSchema.shape).map((k) => `xxgk.${k}`).sort());
  for (const [key, value] of Object.entries(DEFAULT_CONFIG)) assert.deepEqual(props[`xxgk.${key}`].default, value, key);
  assert.deepEqual(props['xxgk.version'].enum, configSchema.shape.version.removeDefault().options);
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
    // No pop-ups, except in answer to a command the user ran (commands.ts, the preview, 「作为年报检查」).
    if (client !== 'commands.ts' && client !== join('preview', 'panel.ts') && client !== join('convert', 'converted-reports.ts')) assert.doesNotMatch(text, /show(Information|Warning|Error)Message/, client);
  }
});

test('the table preview: a command with the table icon, on the report editor’s title bar and in the palette for reports only (issue 5)', () => {
  const manifest = pkg as unknown as {
    contributes: { commands: { command: string; title: string; icon?: string }[]; menus: Record<string, { command: string; when?: string; group?: string }[]> };
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

test('the language status item links to the xxgk settings and shows no pop-up (issue 5)', () => {
  const status = read('client/src/status.ts');
  assert.match(status, /command: 'workbench\.action\.openSettings', arguments: \[SETTINGS_SECTION\]/);
  assert.match(status, /counts\.error, counts\.warning/);
});
