/**
 * How long the server's own handling of one kind of request took, for `xxgk/stats`: the last durations in a ring
 * of fixed size (memory does not grow with the requests answered), read as percentiles.
 */
import type { DurationSummary } from '../protocol';

export class Durations {
  private readonly ring: Float64Array;
  private count = 0;

  constructor(size = 2048) {
    this.ring = new Float64Array(size);
  }

  add(ms: number): void {
    this.ring[this.count % this.ring.length] = ms;
    this.count++;
  }

  /** The durations kept (at most the ring's size, the latest), as count, median, p95 and max in ms. */
  summary(): DurationSummary {
    const kept = Math.min(this.count, this.ring.length);
    const sorted = this.ring.slice(0, kept).sort();
    const at = (q: number) => (kept === 0 ? 0 : sorted[Math.min(kept - 1, Math.ceil(q * kept) - 1)]);
    return { count: kept, median: at(0.5), p95: at(0.95), max: kept === 0 ? 0 : sorted[kept - 1] };
  }

  clear(): void {
    this.count = 0;
  }
}
