/**
 * The comparison view's page and messages, without vscode: the page of `xxgk-check --compare --format html`
 * (one renderer, render/compare-html.ts) with a strict CSP (nonce'd style and script, nothing loaded), theme
 * colours through VS Code's CSS variables, and a script that turns a click (or Enter) on a
 * cell into a `reveal` message naming the report (`previous` or `current`) and the range. Pure.
 */
import * as z from 'zod/v4';
import type { Comparison } from '../../../server/src/engine';
import { comparisonPage } from '../../../server/src/render/compare-html';
import type { CompareStrings } from '../../../server/src/render/compare-strings';

const position = z.object({ line: z.number().int().min(0), character: z.number().int().min(0) });
const revealMessage = z.object({
  type: z.literal('reveal'),
  side: z.enum(['previous', 'current']),
  range: z.object({ start: position, end: position }),
});
export type CompareRevealMessage = z.infer<typeof revealMessage>;

/** A message from the webview, checked: it is untrusted input. */
export function parseCompareMessage(value: unknown): CompareRevealMessage | null {
  const r = revealMessage.safeParse(value);
  if (!r.success) return null;
  const { start, end } = r.data.range;
  return end.line < start.line || (end.line === start.line && end.character < start.character) ? null : r.data;
}

const SCRIPT = `
const vscode = acquireVsCodeApi();
function reveal(target) {
  const el = target instanceof Element ? target.closest('[data-side]') : null;
  if (!el) return;
  const n = (name) => Number(el.getAttribute('data-' + name));
  vscode.postMessage({ type: 'reveal', side: el.getAttribute('data-side'), range: {
    start: { line: n('start-line'), character: n('start-character') },
    end: { line: n('end-line'), character: n('end-character') },
  } });
}
document.body.addEventListener('click', (event) => reveal(event.target));
document.body.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); reveal(event.target); }
});
`;

/** The webview's page: the CLI's page (one renderer, render/compare-html.ts) with the click script. */
export function comparePage(options: {
  readonly comparison: Comparison;
  readonly files: { readonly previous: string; readonly current: string };
  readonly strings: CompareStrings;
  readonly nonce: string;
  readonly lang: string;
}): string {
  const { comparison, files, strings, nonce, lang } = options;
  return comparisonPage(comparison, files, strings, lang, nonce, SCRIPT);
}
