/**
 * When the table preview asks and what it draws: typing is debounced to one request after the last
 * change (driven by a hand-cranked clock, no sleeps); an answer is drawn only for the document shown, at its
 * current version, and never older than what is already drawn.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Debouncer, VersionGate, type Timers } from '../../client/src/preview/updates';

/** A clock that moves only when told. */
class ManualTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.pending].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > this.now) continue;
      this.pending.delete(id);
      t.callback();
    }
  }
  get scheduled(): number {
    return this.pending.size;
  }
}

test('a burst of changes gives one request, after the pause, for the last change', () => {
  const timers = new ManualTimers();
  const debouncer = new Debouncer(300, timers);
  const runs: number[] = [];
  for (let v = 2; v <= 6; v++) {
    debouncer.schedule(() => runs.push(v));
    timers.advance(100);
  }
  assert.deepEqual(runs, []);
  assert.equal(timers.scheduled, 1);
  timers.advance(200);
  assert.deepEqual(runs, [6]);
  timers.advance(1000);
  assert.deepEqual(runs, [6], 'once');
});

test('cancel drops the pending request', () => {
  const timers = new ManualTimers();
  const debouncer = new Debouncer(300, timers);
  const runs: string[] = [];
  debouncer.schedule(() => runs.push('x'));
  debouncer.cancel();
  debouncer.cancel();
  timers.advance(1000);
  assert.deepEqual(runs, []);
  assert.equal(timers.scheduled, 0);
});

test('only answers about the shown document at its current version are drawn, never an older one after a newer', () => {
  const gate = new VersionGate();
  assert.equal(gate.accept('file:///a.txt', 1, 1), false, 'nothing bound');
  gate.bind('file:///a.txt');
  assert.equal(gate.boundUri, 'file:///a.txt');
  assert.equal(gate.accept('file:///a.txt', 3, 3), true);
  assert.equal(gate.accept('file:///a.txt', 3, 3), true, 'the same version again (the page reloaded)');
  assert.equal(gate.accept('file:///a.txt', 4, 5), false, 'the text moved on while the server answered');
  assert.equal(gate.accept('file:///a.txt', 2, 2), false, 'older than what is drawn');
  assert.equal(gate.accept('file:///b.txt', 7, 7), false, 'another document');
  gate.bind('file:///b.txt');
  assert.equal(gate.accept('file:///a.txt', 5, 5), false, 'the document no longer shown');
  assert.equal(gate.accept('file:///b.txt', 1, 1), true, 'a newly shown document starts afresh');
});
