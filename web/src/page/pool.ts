/**
 * Workers that check files off the page's thread, each file under a time cap (counted from the moment its
 * worker takes it up, so a fresh worker's start-up is not charged to the file): a file still running at the cap
 * gets its worker terminated (the only way to stop a runaway parse) and a fresh worker takes the next file, so
 * a hostile file costs one message and the page and the other files go on. A worker that dies (out of memory,
 * a crash) is replaced the same way.
 */
import type { FromWorker, ToWorker } from '../check/messages';
import type { Comparison } from '../../../server/src/engine';
import type { WebResult } from '../check/result';

/** What happened to one file: its result, the cap, or the worker's death. */
export type Outcome =
  | { readonly kind: 'result'; readonly result: WebResult; readonly ms: number }
  | { readonly kind: 'compared'; readonly comparison: Comparison; readonly ms: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'crashed'; readonly error: string };

/** One file's task, before the pool numbers it. */
export type Job = Omit<Extract<ToWorker, { type: 'bytes' }>, 'id'> | Omit<Extract<ToWorker, { type: 'text' }>, 'id'>
  | Omit<Extract<ToWorker, { type: 'compare' }>, 'id'>;

/** The few things the pool needs of a Worker (a fake one in the unit tests). */
export interface WorkerLike {
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  postMessage(message: ToWorker, transfer?: ArrayBuffer[]): void;
  terminate(): void;
}

interface Pending {
  readonly job: Job;
  readonly resolve: (o: Outcome) => void;
}

class Slot {
  worker: WorkerLike;
  busy: { id: number; timer: ReturnType<typeof setTimeout>; resolve: (o: Outcome) => void } | null = null;
  constructor(private readonly make: () => WorkerLike) {
    this.worker = make();
  }
  restart(): void {
    this.worker.terminate();
    this.worker = this.make();
  }
}

export class CheckPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  /** How long a task may wait for its worker to start (a fresh worker compiles the engine and pdf.js first). */
  private readonly startMs: number;
  private nextId = 1;

  constructor(make: () => WorkerLike, size: number, private readonly capMs: number) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => new Slot(make));
    this.startMs = Math.max(capMs, 10_000);
  }

  run(job: Job): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      this.start(slot, this.queue.shift()!);
    }
  }

  private finish(slot: Slot, outcome: Outcome, restart: boolean): void {
    if (!slot.busy) return;
    clearTimeout(slot.busy.timer);
    const { resolve } = slot.busy;
    slot.busy = null;
    if (restart) slot.restart();
    resolve(outcome);
    this.pump();
  }

  private start(slot: Slot, p: Pending): void {
    const id = this.nextId++;
    const timeout = () => this.finish(slot, { kind: 'timeout' }, true);
    slot.busy = { id, timer: setTimeout(timeout, this.startMs), resolve: p.resolve };
    slot.worker.onmessage = (event) => {
      const m = event.data;
      if (m.id !== id || !slot.busy) return;
      if (m.type === 'started') {
        clearTimeout(slot.busy.timer);
        slot.busy.timer = setTimeout(timeout, this.capMs);
        return;
      }
      const outcome: Outcome = m.type === 'result' ? { kind: 'result', result: m.result, ms: m.ms }
        : m.type === 'compared' ? { kind: 'compared', comparison: m.comparison, ms: m.ms } : { kind: 'crashed', error: m.error };
      this.finish(slot, outcome, m.type === 'failed');
    };
    slot.worker.onerror = (event) => this.finish(slot, { kind: 'crashed', error: event.message ?? 'the worker stopped' }, true);
    const message = { ...p.job, id } as ToWorker;
    slot.worker.postMessage(message, message.type === 'bytes' ? [message.bytes.buffer as ArrayBuffer] : []);
  }
}
