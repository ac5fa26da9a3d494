// The npm package of the command line, `xxgk-check`: the extension's manifest (package.json, name xxgk-report)
// stays the .vsix's; the CLI gets a manifest of its own, written here, with the files the CLI reads and no
// editor-only file (extension.js, server.js, the client's l10n, walkthrough media, grammar, icon). Its name is the
// command's, so `npx xxgk-check` and `npm install -g xxgk-check` work once it is published.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CLI_PACKAGE_NAME = 'xxgk-check';

/** What the CLI reads at run time, and the documents that go with it. */
export const CLI_FILES = [
  'dist/cli.js',
  'dist/iconv.js',
  'dist/convert.mjs',
  'docs/rules/*.md',
  'schemas/*.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'THIRD-PARTY-NOTICES.md',
];

/** The CLI's manifest, from the extension's: its identity, licence and links; no scripts, no dependencies. */
export function cliManifest(extension) {
  return {
    name: CLI_PACKAGE_NAME,
    version: extension.version,
    description: '政府信息公开工作年度报告检查（命令行）· Checks Chinese government information-disclosure annual reports (command line)',
    license: extension.license,
    repository: extension.repository,
    bugs: extension.bugs,
    homepage: extension.homepage,
    keywords: extension.keywords,
    engines: { node: extension.engines.node },
    bin: { 'xxgk-check': 'dist/cli.js' },
    files: CLI_FILES,
  };
}

/** The files of `patterns` under `root` (a `*` stands for any name within one folder, as in the list above). */
function expand(root, patterns) {
  const out = [];
  for (const pattern of patterns) {
    const dir = dirname(pattern);
    const name = pattern.slice(dir === '.' ? 0 : dir.length + 1);
    if (!name.includes('*')) { out.push(pattern); continue; }
    const re = new RegExp(`^${name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    for (const f of readdirSync(join(root, dir)).sort()) if (re.test(f)) out.push(join(dir, f));
  }
  return out;
}

/**
 * Writes the CLI package's folder: its manifest and the files it lists, copied from `root` (bundles from
 * `dist`, default root/dist). The production bundles must already be built. Returns the files copied.
 */
export function stageCliPackage({ root, out, dist = join(root, 'dist') }) {
  const extension = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files = expand(root, CLI_FILES);
  for (const file of files) {
    const from = file.startsWith('dist/') ? join(dist, file.slice(5)) : join(root, file);
    mkdirSync(dirname(join(out, file)), { recursive: true });
    cpSync(from, join(out, file));
  }
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(cliManifest(extension), null, 2)}\n`);
  return files;
}
