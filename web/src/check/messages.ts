/** What the page and its worker say to each other. */
import type { Comparison } from '../../../server/src/engine';
import type { Locale } from '../../../server/src/messages';
import type { WebResult } from './result';

export type ToWorker =
  | { readonly type: 'bytes'; readonly id: number; readonly name: string; readonly bytes: Uint8Array; readonly locale: Locale }
  | { readonly type: 'text'; readonly id: number; readonly name: string; readonly text: string; readonly locale: Locale }
  /** Two reports' texts compared (last year's first), as `xxgk-check --compare` compares them. */
  | { readonly type: 'compare'; readonly id: number; readonly name: string; readonly previous: string; readonly current: string };

export type FromWorker =
  /** The task reached the worker: its time cap starts now (a fresh worker's start-up is not the file's time). */
  | { readonly type: 'started'; readonly id: number }
  | { readonly type: 'result'; readonly id: number; readonly result: WebResult; readonly ms: number }
  | { readonly type: 'compared'; readonly id: number; readonly comparison: Comparison; readonly ms: number }
  | { readonly type: 'failed'; readonly id: number; readonly error: string };
