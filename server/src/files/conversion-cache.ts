/**
 * Published files converted for the editor (the workspace check, 「作为年报检查」, the converted view): one
 * converter process at a time, whoever asks, each conversion cancellable; conversions kept by the content's
 * SHA-256, so a second check of an unchanged folder converts nothing, and a renamed or copied file is not
 * converted again. The size is checked before a byte is read (files/read.ts's rule for every file).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { MAX_FILE_BYTES } from '../convert/limits';
import type { Conversion } from '../convert';

/** Runs the capped converter process on a file; aborting the signal kills it. */
export type Converter = (abs: string, signal: AbortSignal) => Promise<Conversion>;

export interface ConversionStats {
  /** Converter processes run. */
  readonly conversions: number;
  /** Answers from the cache (the same content converted before). */
  readonly hits: number;
}

/** Conversions kept (a converted report with its source map is some hundreds of kB). */
const DEFAULT_ENTRIES = 256;

export class ConversionCache {
  private readonly entries = new Map<string, Conversion>();
  /** The conversion running now: the next one waits for it (one converter at a time). */
  private running: Promise<unknown> = Promise.resolve();
  private conversions = 0;
  private hits = 0;

  constructor(private readonly converter: Converter, private readonly maxEntries = DEFAULT_ENTRIES) {}

  get stats(): ConversionStats {
    return { conversions: this.conversions, hits: this.hits };
  }

  /** The conversion of a file's current content; undefined when cancelled (nothing is kept then). */
  async convert(abs: string, signal: AbortSignal = new AbortController().signal): Promise<Conversion | undefined> {
    let size: number;
    try {
      size = (await stat(abs)).size;
    } catch (error) {
      return { kind: 'failed', format: null, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
    }
    if (size > MAX_FILE_BYTES) return { kind: 'failed', format: null, reason: 'too-large', detail: String(size) };
    let key: string;
    try {
      key = createHash('sha256').update(await readFile(abs)).digest('hex');
    } catch (error) {
      return { kind: 'failed', format: null, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.hits++;
      // Most recently used last: the oldest goes first when the cache is full.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const turn = this.running.then(async () => {
      if (signal.aborted) return undefined;
      // The same content may have been converted while this one waited.
      const known = this.entries.get(key);
      if (known) {
        this.hits++;
        return known;
      }
      this.conversions++;
      const result = await this.converter(abs, signal);
      if (signal.aborted) return undefined;
      // A timeout may pass on a less busy machine: only lasting answers are kept.
      if (result.kind === 'converted' || result.reason !== 'timeout') {
        this.entries.set(key, result);
        if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      }
      return result;
    });
    this.running = turn.catch(() => undefined);
    return turn;
  }
}
