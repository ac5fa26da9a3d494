// scripts/retry.sh, which .ci/run and test/e2e/setup.sh use for every network install.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const RETRY = resolve(import.meta.dirname, '../../scripts/retry.sh');

function bash(script: string) {
  return spawnSync('bash', ['-c', `. '${RETRY}'; ${script}`], {
    encoding: 'utf8',
    env: { ...process.env, XXGK_RETRY_PAUSE: '0' },
  });
}

test('a command that fails twice then succeeds is retried and its output shown once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-retry-'));
  const counter = join(dir, 'n');
  writeFileSync(counter, '0');
  const r = bash(
    `retry "npm ci" sh -c 'n=$(cat ${counter}); n=$((n+1)); echo $n > ${counter}; ` +
      `if [ $n -lt 3 ]; then echo "ECONNRESET try $n" >&2; exit 7; fi; echo installed'`,
  );
  assert.equal(r.status, 0);
  assert.equal(readFileSync(counter, 'utf8').trim(), '3');
  assert.match(r.stdout, /installed/);
  assert.match(r.stderr, /\[npm ci\] attempt 1\/3 failed \(exit 7\)/);
  assert.match(r.stderr, /ECONNRESET try 2/);
  assert.doesNotMatch(r.stderr, /FAILED/);
});

test('a command that always fails names the step, shows its own error and keeps its exit code', () => {
  const r = bash(`retry "e2e setup: npm install code-server" sh -c 'echo "npm ERR! 503 Service Unavailable" >&2; exit 5'`);
  assert.equal(r.status, 5);
  assert.match(r.stderr, /attempt 3\/3 failed/);
  assert.match(r.stderr, /npm ERR! 503 Service Unavailable/);
  assert.match(r.stderr, /\[e2e setup: npm install code-server\] FAILED after 3 attempts/);
});
