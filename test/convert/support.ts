/** Shared by the conversion tests: fixture paths, the bundled CLI and converter (built when missing or stale). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { check, type Finding } from '../../server/src/engine';

export const ROOT = join(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'convert');
export const BAD = join(FIXTURES, 'bad');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const CONVERTER = join(ROOT, 'dist', 'convert.mjs');

/** The samples and real reports the fixtures were made from (scripts/make-convert-fixtures.mjs). */
export const SOURCES: Readonly<Record<string, string>> = {
  '000_4be19b291208bb33': join(ROOT, 'samples', '000_4be19b291208bb33.txt'),
  '001_4bbec81685d80308': join(ROOT, 'samples', '001_4bbec81685d80308.txt'),
  '002_931eb61caecda62d': join(ROOT, 'samples', '002_931eb61caecda62d.txt'),
  '003_8cda5f95bd011878': join(ROOT, 'samples', '003_8cda5f95bd011878.txt'),
  '004_fcebe1c6f102ee17': join(ROOT, 'samples', '004_fcebe1c6f102ee17.txt'),
  '01_hongze-district-gov-2023': join(ROOT, 'test', 'fixtures', 'real', '01_hongze-district-gov-2023.txt'),
  '04_shanghai-gov-general-office-2019': join(ROOT, 'test', 'fixtures', 'real', '04_shanghai-gov-general-office-2019.txt'),
  '06_shuyang-county-gov-2025-ocr': join(ROOT, 'test', 'fixtures', 'real', '06_shuyang-county-gov-2025-ocr.txt'),
};

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** What a finding says, independent of where the text puts it: code, row, column and the message with its values. */
export const findingKey = (f: Finding): string => `${f.code}|${f.target?.row ?? ''}|${f.target?.column ?? ''}|${f.message}`;

export const keysOf = (text: string): string[] => check(text, {}).findings.map(findingKey).sort();

function newest(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n = Math.max(n, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return n;
}

let built = false;
/** dist/cli.js and dist/convert.mjs of the current sources. */
export function ensureBundles(): void {
  if (built) return;
  const sources = newest(join(ROOT, 'server', 'src'));
  const stale = [CLI, CONVERTER].some((f) => !existsSync(f) || statSync(f).mtimeMs < sources);
  if (stale) {
    const r = spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  }
  built = true;
}
