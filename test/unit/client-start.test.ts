/**
 * The client's start and trust logic without VS Code (client/src/server-start.ts, trust.ts, fix-on-save.ts):
 * the server process starts once, with the first report only; a restart of a stopped server starts it afresh;
 * trust granted before the server was initialised, while it started, or after, reaches it exactly once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withFixAllOnSave } from '../../client/src/fix-on-save';
import { ServerStart, type Startable } from '../../client/src/server-start';
import { TrustRelay } from '../../client/src/trust';

class FakeClient implements Startable {
  starts = 0;
  restarts = 0;
  running = false;
  /** Resolves the pending start; the client is running from then on. */
  finishStart: () => void = () => undefined;
  start(): Promise<void> {
    this.starts++;
    return new Promise((resolve) => {
      this.finishStart = () => {
        this.running = true;
        resolve();
      };
    });
  }
  restart(): Promise<void> {
    this.restarts++;
    return Promise.resolve();
  }
  isRunning(): boolean {
    return this.running;
  }
}

test('no report, no server: plain text and markdown do not start it; the first report does, once', async () => {
  const client = new FakeClient();
  let afterStart = 0;
  const server = new ServerStart(client, () => {
    afterStart++;
    return Promise.resolve();
  });
  assert.equal(server.considerLanguages(['plaintext', 'markdown'], 'xxgk-report'), undefined);
  assert.equal(client.starts, 0);
  const first = server.considerLanguages(['plaintext', 'xxgk-report'], 'xxgk-report');
  const second = server.considerLanguages(['xxgk-report'], 'xxgk-report');
  assert.equal(client.starts, 1, 'a second report while starting waits for the same start');
  client.finishStart();
  await Promise.all([first, second]);
  assert.equal(afterStart, 1);
  assert.equal(server.started, true);
});

test('restart: a running server restarts; a stopped one (given up after crashes) starts afresh; none yet: starts', async () => {
  const client = new FakeClient();
  const server = new ServerStart(client, () => Promise.resolve());
  const fresh = server.restart();
  client.finishStart();
  await fresh;
  assert.deepEqual([client.starts, client.restarts], [1, 0], 'never started: restart starts it');
  await server.restart();
  assert.deepEqual([client.starts, client.restarts], [1, 1]);
  client.running = false;
  const again = server.restart();
  client.finishStart();
  await again;
  assert.deepEqual([client.starts, client.restarts], [2, 1], 'stopped: started again, not restarted');
});

function relay(trusted: { value: boolean }) {
  const sent: string[] = [];
  const r = new TrustRelay(() => trusted.value, () => {
    sent.push('trustGranted');
    return Promise.resolve();
  });
  return { r, sent };
}

test('trust granted before the server was initialised: initializationOptions says trusted, no notification needed', async () => {
  const trusted = { value: false };
  const { r, sent } = relay(trusted);
  await r.granted(false);
  trusted.value = true;
  assert.deepEqual(r.initializationOptions(), { trusted: true });
  await r.started();
  assert.deepEqual(sent, []);
});

test('trust granted while the server was starting (initialised untrusted, not yet running): told once after start', async () => {
  const trusted = { value: false };
  const { r, sent } = relay(trusted);
  assert.deepEqual(r.initializationOptions(), { trusted: false });
  trusted.value = true;
  await r.granted(false);
  assert.deepEqual(sent, [], 'not running: nothing sent yet');
  await r.started();
  assert.deepEqual(sent, ['trustGranted']);
  await r.started();
  await r.granted(true);
  assert.deepEqual(sent, ['trustGranted'], 'never twice');
});

test('trust granted while running: told at once; a restart reads the state afresh', async () => {
  const trusted = { value: false };
  const { r, sent } = relay(trusted);
  r.initializationOptions();
  await r.started();
  assert.deepEqual(sent, []);
  trusted.value = true;
  await r.granted(true);
  assert.deepEqual(sent, ['trustGranted']);
  assert.deepEqual(r.initializationOptions(), { trusted: true });
});

test('a failed notification (server gone) is not counted as told', async () => {
  const trusted = { value: false };
  let fail = true;
  const sent: number[] = [];
  const r = new TrustRelay(() => trusted.value, () => {
    // Rejected, not thrown: as the client's sendNotification fails.
    if (fail) return Promise.reject(new Error('Client is not running'));
    sent.push(1);
    return Promise.resolve();
  });
  r.initializationOptions();
  trusted.value = true;
  await r.granted(true);
  fail = false;
  assert.deepEqual(r.initializationOptions(), { trusted: true }, 'the next start reads trust itself');
  await r.started();
  assert.deepEqual(sent, []);
});

test('fix on save: added to the object form and the array form, keeping what was there', () => {
  const kind = 'source.fixAll.xxgk-report';
  assert.deepEqual(withFixAllOnSave(undefined, kind), { [kind]: 'explicit' });
  assert.deepEqual(withFixAllOnSave({ 'source.organizeImports': 'always' }, kind), { 'source.organizeImports': 'always', [kind]: 'explicit' });
  assert.deepEqual(withFixAllOnSave({ [kind]: 'never' }, kind), { [kind]: 'explicit' });
  assert.deepEqual(withFixAllOnSave(['source.fixAll.eslint'], kind), ['source.fixAll.eslint', kind]);
  assert.deepEqual(withFixAllOnSave([kind], kind), [kind]);
});
