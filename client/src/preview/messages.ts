/**
 * What the table preview's webview and the extension say to each other, checked on arrival: the
 * webview's messages are untrusted input. Pure; unit-tested in test/unit/preview-messages.test.ts.
 */
import type { TextRange } from '../../../server/src/protocol';

/** To the webview: the rendered tables of one document version. */
export interface RenderMessage {
  readonly type: 'render';
  readonly title: string;
  readonly html: string;
  readonly version: number;
}

/** From the webview: the page loaded (and wants the last render), or a cell was clicked. */
export type WebviewMessage = { readonly type: 'ready' } | { readonly type: 'reveal'; readonly range: TextRange };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function positionOf(v: unknown): TextRange['start'] | null {
  return isRecord(v) && isIndex(v.line) && isIndex(v.character) ? { line: v.line, character: v.character } : null;
}

export function parseWebviewMessage(value: unknown): WebviewMessage | null {
  if (!isRecord(value)) return null;
  if (value.type === 'ready') return { type: 'ready' };
  if (value.type !== 'reveal' || !isRecord(value.range)) return null;
  const start = positionOf(value.range.start);
  const end = positionOf(value.range.end);
  if (!start || !end) return null;
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) return null;
  return { type: 'reveal', range: { start, end } };
}
