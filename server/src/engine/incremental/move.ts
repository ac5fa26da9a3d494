/** Moving what was read on an unchanged line to the line's place in a later version. */
import type { Span } from '../model';

export function moveSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}
