/**
 * test/e2e/setup.sh waits for apt's locks rather than giving up after its retries (apt-wait.sh, read from
 * /proc/locks, and apt-get's own DPkg::Lock::Timeout), and everything it writes lives under XXGK_E2E_CACHE, so
 * two runs with different caches run side by side.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SETUP = readFileSync(join(ROOT, 'test', 'e2e', 'setup.sh'), 'utf8');
const linux = process.platform === 'linux' && spawnSync('flock', ['--version']).status === 0;

test('wait_for_apt returns once the process holding a lock lets go, and gives up with a message at its limit', { skip: linux ? false : 'Linux with flock(1)' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-apt-lock-'));
  try {
    const lock = join(dir, 'lock');
    const released = join(dir, 'released');
    writeFileSync(lock, '');
    const ready = join(dir, 'ready');
    // The holder: takes the lock, says so, keeps it 3 s, marks the release, then lets go.
    const holder = spawn('flock', [lock, '-c', `touch '${ready}'; sleep 3; touch '${released}'`]);
    while (!existsSync(ready)) await new Promise((r) => setTimeout(r, 50));
    const env = { ...process.env, XXGK_APT_LOCKS: lock };
    const script = `. '${join(ROOT, 'test', 'e2e', 'apt-wait.sh')}'`;
    const short = spawnSync('bash', ['-c', `${script}; wait_for_apt 0`], { env, encoding: 'utf8' });
    assert.equal(short.status, 1);
    assert.match(short.stderr, /apt is still locked by process \d+ after 0 s/);
    const r = spawnSync('bash', ['-c', `${script}; wait_for_apt 60 && test -e '${released}'`], { env, encoding: 'utf8' });
    assert.equal(r.status, 0, `returned only after the release: ${r.stderr}`);
    assert.match(r.stderr, /waiting for apt's lock \(held by process \d+/);
    await new Promise((r) => holder.on('exit', r));
    const free = spawnSync('bash', ['-c', `${script}; wait_for_apt 0`], { env, encoding: 'utf8' });
    assert.deepEqual([free.status, free.stderr], [0, '']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('setup.sh waits before each apt-get and passes DPkg::Lock::Timeout; it writes only under $XXGK_E2E_CACHE', () => {
  const aptCalls = SETUP.split('\n').filter((l) => /\bapt-get\b/.test(l) && !l.trim().startsWith('#'));
  assert.equal(aptCalls.length, 2);
  for (const call of aptCalls) assert.match(call, /apt-get "\$\{APT_WAIT\[@\]\}"/);
  assert.match(SETUP, /APT_WAIT=\(-o "DPkg::Lock::Timeout=\$APT_LOCK_WAIT"\)/);
  assert.equal(SETUP.match(/^\s*wait_for_apt "\$APT_LOCK_WAIT"$/gm)?.length, 2);
  assert.match(SETUP, /^CACHE="\$\{XXGK_E2E_CACHE:-\$HOME\/\.cache\/xxgk-e2e\}"$/m);
  // One setup at a time per cache: the lock is taken before anything in the cache is touched.
  const lock = SETUP.indexOf('exec 9>"$CACHE/.setup.lock"');
  assert.ok(lock > 0 && lock < SETUP.indexOf('rm -rf'), 'the cache lock comes first');
  assert.match(SETUP, /^\s*flock 9$/m);
  for (const target of SETUP.matchAll(/(?:--prefix|rm -rf|>|mkdir -p) "?([^"\s]+)/g)) {
    if (target[1].startsWith('&') || target[1] === '"$1"' || target[1] === '$1') continue;
    assert.match(target[1], /^\$CACHE|^"\$CACHE|^\$1$|^\$DONE$|^"\$DONE"$|^\$\{?CACHE/, `writes under the cache: ${target[0]}`);
  }
});
