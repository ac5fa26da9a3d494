/**
 * Writes what is derived from the config's zod schema (server/src/config/schema.ts):
 *   - schemas/xxgkrc.schema.json, the JSON Schema of `.xxgkrc.json` (package.json `jsonValidation`);
 *   - the rule codes listed under the `xxgk.rules` setting of package.json, so that settings.json completes them.
 * Rule descriptions come from the rule index, docs/rules/README.md.
 *
 *   npx tsx scripts/build-config-schema.ts           write both
 *   npx tsx scripts/build-config-schema.ts --check   exit 1 when either is stale (what the tests check)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { derivedFiles } from './config-schema-files';

const ROOT = join(__dirname, '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const { path, text } of derivedFiles(ROOT)) {
  const abs = join(ROOT, path);
  let current = '';
  try {
    current = readFileSync(abs, 'utf8');
  } catch {
    current = '';
  }
  if (current === text) continue;
  if (check) {
    stale++;
    console.error(`${path} is stale: run npx tsx scripts/build-config-schema.ts`);
  } else {
    writeFileSync(abs, text);
    console.log(`wrote ${path}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
