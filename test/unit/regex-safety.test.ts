/**
 * Every regular expression of the engine, run on adversarial strings of 100,000 characters (long runs
 * of spaces, TABs, digits, 、, |, brackets…, with and without a failing tail). The runs happen in a
 * worker (regex-safety.worker.mjs); a regex that backtracks catastrophically (or quadratically: 10^10
 * steps on this length) makes the worker go silent, and the watchdog fails the test naming the regex
 * and the input. No duration is asserted: a linear regex takes well under a millisecond here, the
 * watchdog waits several seconds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const LENGTH = 100_000;
/** Silence allowed for one regex on one input before the test fails. */
const WATCHDOG_MS = 8_000;

interface Collected { files: number; literals: number; built: number; regexes: { key: string; where: string }[] }

/** What the worker posts, in order: what it collected, then each run started, failures, and the end. */
type WorkerMessage =
  | ({ type: 'collected' } & Collected)
  | { type: 'start'; regex: number; input: string }
  | { type: 'threw'; regex: number; input: string; error: string }
  | { type: 'bad-literal'; where: string; source: string; error: string }
  | { type: 'done'; runs: number };

test('no engine regex backtracks badly on 100,000-character adversarial strings', { timeout: 10 * 60_000 }, async () => {
  const worker = new Worker(join(__dirname, 'regex-safety.worker.mjs'), { workerData: { root: ROOT, length: LENGTH } });
  let collected: Collected | null = null;
  let current: { regex: number; input: string } | null = null;
  const threw: string[] = [];
  const bad: string[] = [];
  let runs = 0;
  const name = (i: number) => (collected ? `${collected.regexes[i].key} (${collected.regexes[i].where})` : String(i));
  await new Promise<void>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error(current
          ? `no answer for ${WATCHDOG_MS} ms: ${name(current.regex)} on ${current.input}`
          : `the worker did not start within ${WATCHDOG_MS} ms`));
      }, collected ? WATCHDOG_MS : 60_000);
    };
    arm();
    worker.on('message', (m: WorkerMessage) => {
      arm();
      if (m.type === 'collected') collected = m;
      else if (m.type === 'start') current = { regex: m.regex, input: m.input };
      else if (m.type === 'threw') threw.push(`${name(m.regex)} on ${m.input}: ${m.error}`);
      else if (m.type === 'bad-literal') bad.push(`${m.where}: /${m.source}/ — ${m.error}`);
      else if (m.type === 'done') {
        runs = m.runs;
        clearTimeout(timer);
        void worker.terminate();
        resolve();
      }
    });
    worker.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
  const c = collected as Collected | null;
  assert.ok(c, 'the worker collected the regexes');
  // The collection itself works: literals from the sources and regexes built at run time.
  assert.ok(c.files >= 20 && c.literals >= 60, `${c.literals} literals in ${c.files} files`);
  assert.ok(c.regexes.some((r) => r.where.startsWith('server/src/engine/parse/sections.ts')), 'literals of parse/sections.ts found');
  assert.ok(c.regexes.some((r) => r.where.startsWith('new RegExp at server/src/engine/parse/cells.ts')), 'the cell NUMBER regex (new RegExp) found');
  assert.deepEqual(bad, [], 'every literal found compiles (else the lexer misread the source)');
  assert.deepEqual(threw, [], 'no regex throws (e.g. stack overflow) on long input');
  assert.ok(runs > 1000, `${runs} runs`);
});
