/**
 * One-line descriptions of the codes for SARIF's `shortDescription`, read from the rule index that ships
 * with the package (docs/rules/README.md: `| [`code`](code.md) | 中文说明 | English summary | …`), so that
 * they never drift from the documentation; the CLI's own codes carry theirs. Unknown: the code itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_CODES } from '../../files/codes';
import { packageRoot } from '../package-info';

export type Descriptions = ReadonlyMap<string, { readonly 'zh-CN': string; readonly en: string }>;

const ROW = /^\|\s*\[`([a-z-]+)`\]\([^)]*\)\s*\|([^|]+)\|([^|]+)\|/;

export function parseRuleIndex(markdown: string): Map<string, { 'zh-CN': string; en: string }> {
  const out = new Map<string, { 'zh-CN': string; en: string }>();
  for (const line of markdown.split(/\r?\n/)) {
    const m = ROW.exec(line);
    if (m) out.set(m[1], { 'zh-CN': m[2].trim(), en: m[3].trim() });
  }
  return out;
}

export function loadDescriptions(): Descriptions {
  let index = new Map<string, { 'zh-CN': string; en: string }>();
  try {
    index = parseRuleIndex(readFileSync(join(packageRoot(), 'docs', 'rules', 'README.md'), 'utf8'));
  } catch {
    // No docs next to the bundle: the codes stand for themselves.
  }
  for (const c of CLI_CODES) index.set(c.code, c.description);
  return index;
}
