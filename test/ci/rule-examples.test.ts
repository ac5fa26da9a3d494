/**
 * Every rule page's example output (docs/rules/<code>.md, the ```console blocks) is what
 * `xxgk-check --format compact` prints for the page's own example input today (scripts/gen-rule-examples.mjs
 * regenerates them; this test fails when a page is stale). The two pages whose finding cannot be produced on
 * purpose keep a hand-written block in the same shape. Every page's example output shows the page's own finding:
 * an excerpt (a “……” line) is checked inside the complete report test/fixtures/rule-examples/complete-report.txt.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../cli/support/cli';
import { HAND_WRITTEN, inReport, rulePages } from '../../scripts/gen-rule-examples.mjs';

const ROOT = join(__dirname, '..', '..');
const COMPACT = /^\S+:\d+:\d+: (error|warning|info|hint) [a-z][a-z0-9-]*: .+$/;

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

test('each page’s example output shows the page’s own finding', () => {
  const missing = rulePages().filter((code) => {
    const md = readFileSync(join(ROOT, 'docs', 'rules', `${code}.md`), 'utf8');
    return !consoleBlocks(md).some((b) => b.split('\n').some((l) => l.includes(` ${code}: `)));
  });
  assert.deepEqual(missing, []);
});

test('the complete report an excerpt is checked in gives no finding alone', () => {
  ensureBuilt();
  const r = spawnSync(process.execPath, ['dist/cli.js', '--format', 'compact', 'test/fixtures/rule-examples/complete-report.txt'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout.trim(), '');
});

test('an excerpt replaces the rows it names, drops the rows between two of its adjacent lines, keeps “……”', () => {
  const base = ['某某局2023年政府信息公开工作年度报告', '一、总体情况', '2023年正文。', '三、收到和处理政府信息公开申请情况', 'A行\t1', 'B行\t2', 'C行\t3', 'D行\t4', '四、政府信息公开行政复议、行政诉讼情况', '0\t0', ''].join('\n');
  assert.equal(inReport('三、收到和处理政府信息公开申请情况\n……\nB行\t9\n\t5\nD行\t8\n……', base),
    ['某某局2023年政府信息公开工作年度报告', '一、总体情况', '2023年正文。', '三、收到和处理政府信息公开申请情况', 'A行\t1', 'B行\t9', '\t5', 'D行\t8', '四、政府信息公开行政复议、行政诉讼情况', '0\t0', ''].join('\n'));
  // An excerpt ending without “……” ends its section; the report takes the year of the excerpt's title.
  assert.equal(inReport('某某局2022年政府信息公开工作年度报告\n……\nB行\t7', base),
    ['某某局2022年政府信息公开工作年度报告', '一、总体情况', '2022年正文。', '三、收到和处理政府信息公开申请情况', 'A行\t1', 'B行\t7', '', '四、政府信息公开行政复议、行政诉讼情况', '0\t0', ''].join('\n'));
});
