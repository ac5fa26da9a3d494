/**
 * Every rule page's example output (docs/rules/<code>.md, the ```console blocks) is what
 * `xxgk-check --format compact` prints for the page's own example input today (scripts/gen-rule-examples.mjs
 * regenerates them; this test fails when a page is stale). The two pages whose finding cannot be produced on
 * purpose keep a hand-written block in the same shape. The pages whose example does not, today, produce the
 * page's own finding are listed: a page leaving or joining the list fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../cli/support/cli';
import { HAND_WRITTEN, rulePages } from '../../scripts/gen-rule-examples.mjs';

const ROOT = join(__dirname, '..', '..');
const COMPACT = /^\S+:\d+:\d+: (error|warning|info|hint) [a-z][a-z0-9-]*: .+$/;

/** Excerpts that the engine reads as a fragment with too few rows (table-unreadable, truncation) instead. */
const EXAMPLE_MISSES_ITS_FINDING = ['balance', 'carry-over-mismatch', 'cell-blank', 'cell-extra', 'cell-unit', 'table-unreadable'];

const consoleBlocks = (md: string) => [...md.matchAll(/^```console\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

test('the example output of every rule page is current (node scripts/gen-rule-examples.mjs --check)', () => {
  ensureBuilt();
  const r = spawnSync(process.execPath, ['scripts/gen-rule-examples.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('every output block is a command line and lines of --format compact; the hand-written ones too', () => {
  for (const code of rulePages()) {
    const blocks = consoleBlocks(readFileSync(join(ROOT, 'docs', 'rules', `${code}.md`), 'utf8'));
    assert.ok(blocks.length > 0, `${code}: an example output`);
    for (const block of blocks) {
      for (const line of block.trimEnd().split('\n')) {
        if (line.startsWith('$ ')) assert.match(line, /^\$ xxgk-check --format compact /, code);
        else assert.match(line, COMPACT, `${code}: ${line}`);
      }
    }
  }
  assert.deepEqual(HAND_WRITTEN, ['file-unreadable', 'internal-error']);
});

test('each page’s example produces the page’s own finding, but for the listed excerpts', () => {
  const missing = rulePages().filter((code) => {
    const md = readFileSync(join(ROOT, 'docs', 'rules', `${code}.md`), 'utf8');
    return !consoleBlocks(md).some((b) => b.split('\n').some((l) => l.includes(` ${code}: `)));
  });
  assert.deepEqual(missing, EXAMPLE_MISSES_ITS_FINDING);
});
