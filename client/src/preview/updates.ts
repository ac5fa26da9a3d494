/**
 * When the table preview asks and what it shows, without vscode: typing is debounced (one request
 * after the text stops changing), and an answer is drawn only when it describes the document's current
 * version and is not older than what is shown — a slow answer for an old version never overwrites a newer
 * one. Unit-tested in test/unit/preview-updates.test.ts.
 */

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Runs the last scheduled action once no other was scheduled for `ms`. */
export class Debouncer {
  private handle: unknown;
  private pending = false;

  constructor(private readonly ms: number, private readonly timers: Timers = realTimers) {}

  schedule(action: () => void): void {
    this.cancel();
    this.pending = true;
    this.handle = this.timers.setTimeout(() => {
      this.pending = false;
      action();
    }, this.ms);
  }

  cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.handle);
    this.pending = false;
  }
}

/** Decides whether an answer for a document version may be drawn. */
export class VersionGate {
  private uri: string | null = null;
  private shown = -1;

  /** A new document is shown: nothing of it is drawn yet. */
  bind(uri: string): void {
    this.uri = uri;
    this.shown = -1;
  }

  get boundUri(): string | null {
    return this.uri;
  }

  /** Whether to draw an answer about `uri` at `answered`, the editor's document being at `current`; remembers it when so. */
  accept(uri: string, answered: number, current: number): boolean {
    if (uri !== this.uri || answered !== current || answered < this.shown) return false;
    this.shown = answered;
    return true;
  }
}
