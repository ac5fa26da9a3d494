/**
 * Published files converted for the editor (the workspace check, 「作为年报检查」, the converted view): one
 * converter process at a time, whoever asks, each conversion cancellable; conversions kept by the content's
 * SHA-256, so a second check of an unchanged folder converts nothing, and a renamed or copied file is not
 * converted again. The size is checked before a byte is read (files/read.ts's rule for every file).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MAX_FILE_BYTES } from '../convert/limits';
import type { Conversion, Converted } from '../convert';
import type { Range } from '../engine';
import { sourceFileOfView } from '../protocol';
import { sourceAt } from './converted';

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
  /** Each path's last conversion and the stamp (mtime, size) of the file it was made from. */
  private readonly byPath = new Map<string, { readonly stamp: string; readonly converted: Converted }>();

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
    const stamp = await stat(abs).then((st) => `${st.mtimeMs}:${st.size}`, () => '');
    const note = (c: Conversion | undefined) => {
      if (c?.kind !== 'converted') return c;
      this.byPath.delete(abs);
      this.byPath.set(abs, { stamp, converted: c });
      if (this.byPath.size > this.maxEntries) this.byPath.delete(this.byPath.keys().next().value as string);
      return c;
    };
    const hit = this.entries.get(key);
    if (hit) {
      note(hit);
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
    return note(await turn);
  }

  /** A file's conversion already made, when the file is unchanged since (no conversion, no waiting). */
  peek(abs: string): Converted | undefined {
    const known = this.byPath.get(abs);
    if (!known) return undefined;
    try {
      const st = statSync(abs);
      return `${st.mtimeMs}:${st.size}` === known.stamp ? known.converted : undefined;
    } catch {
      return undefined;
    }
  }

  /** The page of a place in a converted PDF's view (`xxgk-converted:` URI), when known. */
  pageOf(viewUri: string, range: Range): number | undefined {
    const file = sourceFileOfView(viewUri);
    if (file === undefined) return undefined;
    let abs: string;
    try {
      abs = fileURLToPath(file);
    } catch {
      return undefined;
    }
    const converted = this.byPath.get(abs)?.converted;
    return converted ? sourceAt(converted, range)?.page : undefined;
  }
}
