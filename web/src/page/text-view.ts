/** The report's text with one range highlighted (text-span.ts says which stretch). */
import type { Range } from '../../../server/src/engine';
import { markedSpan } from './text-span';

/** Show `text` in `pre`, the span marked; returns the mark element (null when the text is empty). */
export function showText(pre: HTMLElement, text: string, range: Range | null): HTMLElement | null {
  pre.replaceChildren();
  if (!range || text === '') {
    pre.textContent = text;
    return null;
  }
  const { start, end } = markedSpan(text, range);
  const mark = document.createElement('mark');
  mark.id = 'highlight';
  mark.textContent = text.slice(start, end);
  pre.append(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
  return mark;
}
