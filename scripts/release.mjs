// npm run release: writes release/ with the extension (.vsix), the CLI's npm package (xxgk-check-<v>.tgz) and
// SHA256SUMS (`cd release && sha256sum -c SHA256SUMS`). Builds the production bundles first; tests are the
// caller's (the release workflow runs `npm test` before this). Build output goes to standard error; standard
// output lists the files written.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stageCliPackage } from './cli-package.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'release');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], shell: process.platform === 'win32' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout ?? '');
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
  }
  return r.stdout;
}

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// The .vsix: vsce runs vscode:prepublish (the production build) and packs the manifest's `files`.
const vsix = `xxgk-report-${version}.vsix`;
process.stderr.write(run(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--out', join(OUT, vsix)], ROOT));

// The CLI package, from the same production bundles; its manifest has no scripts, so npm pack builds nothing.
const stage = join(tmpdir(), `xxgk-check-package-${process.pid}`);
try {
  stageCliPackage({ root: ROOT, out: stage });
  const tgz = run(NPM, ['pack', '--pack-destination', OUT], stage).trim();
  const files = [vsix, tgz];
  const sums = files.map((f) => `${createHash('sha256').update(readFileSync(join(OUT, f))).digest('hex')}  ${f}\n`).join('');
  writeFileSync(join(OUT, 'SHA256SUMS'), sums);
  for (const f of [...files, 'SHA256SUMS']) process.stdout.write(`release/${f}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
