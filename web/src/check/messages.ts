/** What the page and its worker say to each other. */
import type { Locale } from '../../../server/src/messages';
import type { WebResult } from './result';

export type ToWorker =
  | { readonly type: 'bytes'; readonly id: number; readonly name: string; readonly bytes: Uint8Array; readonly locale: Locale }
  | { readonly type: 'text'; readonly id: number; readonly name: string; readonly text: string; readonly locale: Locale };

export type FromWorker =
  | { readonly type: 'result'; readonly id: number; readonly result: WebResult; readonly ms: number }
  | { readonly type: 'failed'; readonly id: number; readonly error: string };
