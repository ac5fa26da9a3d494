// Runs the node:test suites of the given folders (TypeScript through tsx). Node 20's --test does not
// expand globs, so the files are listed here. Usage: node scripts/run-tests.mjs test/unit test/lsp …
import { readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(dir, out) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== 'fixtures') collect(p, out); }
    else if (/\.test\.(ts|mjs)$/.test(name)) out.push(p);
  }
}

const files = [];
for (const d of process.argv.slice(2)) collect(d, files);
if (files.length === 0) {
  console.error('no test files found in', process.argv.slice(2).join(' '));
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
