/** The server's request durations for xxgk/stats: a ring of the latest, read as percentiles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Durations } from '../../server/src/features/durations';

test('no durations: all zero', () => {
  assert.deepEqual(new Durations(4).summary(), { count: 0, median: 0, p95: 0, max: 0 });
});

test('percentiles by rank: the median of 1..10 is 5, the 95th percentile and the maximum 10', () => {
  const d = new Durations(16);
  for (const ms of [7, 3, 10, 1, 5, 9, 2, 8, 4, 6]) d.add(ms);
  assert.deepEqual(d.summary(), { count: 10, median: 5, p95: 10, max: 10 });
});

test('only the latest are kept: a ring of 4 after 6 durations has dropped the first two', () => {
  const d = new Durations(4);
  for (const ms of [100, 50, 2, 3, 4, 5]) d.add(ms);
  assert.deepEqual(d.summary(), { count: 4, median: 3, p95: 5, max: 5 });
  d.clear();
  assert.equal(d.summary().count, 0);
});
