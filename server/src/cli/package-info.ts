/** Where the CLI's package lies (for the bundled rule pages) and its version. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';

export const TOOL_NAME = 'xxgk-check';
export const TOOL_VERSION: string = version;

/** The folder holding package.json, docs/ and dist/: found upward from this module (dist/cli.js when bundled). */
export function packageRoot(): string {
  for (let d = __dirname; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return resolve(__dirname, '..');
  }
}

/** The bundled page of a rule, which opens offline (STYLE §3). */
export function ruleDocUri(code: string): string {
  return pathToFileURL(join(packageRoot(), 'docs', 'rules', `${code}.md`)).href;
}

export function readmeUri(): string {
  return pathToFileURL(join(packageRoot(), 'README.md')).href;
}
