/** Where the CLI's package lies (for the bundled rule pages) and its version. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { homepage, version } from '../../../package.json';

export const TOOL_NAME = 'xxgk-check';
export const TOOL_VERSION: string = version;
/** The project's public page (package.json `homepage`), if any: the only base for links in shared outputs. */
export const HOMEPAGE: string | undefined = homepage || undefined;

/**
 * A rule's public page, from the homepage: on GitHub the file in the repository, elsewhere `docs/rules/<code>.md`
 * under the homepage. Undefined without a homepage (never a path of the machine that ran the check).
 */
export function publicRuleDocUrl(code: string, homepage: string | undefined): string | undefined {
  if (!homepage) return undefined;
  const base = homepage.replace(/#.*$/, '').replace(/\/+$/, '');
  if (/^https:\/\/github\.com\/[^/]+\/[^/]+$/.test(base)) return `${base}/blob/HEAD/docs/rules/${code}.md`;
  return `${base}/docs/rules/${code}.md`;
}

/** The folder holding package.json, docs/ and dist/: found upward from this module (dist/cli.js when bundled). */
export function packageRoot(): string {
  for (let d = __dirname; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return resolve(__dirname, '..');
  }
}
