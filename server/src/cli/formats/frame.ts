/**
 * A one-line code frame: the line of the report and a caret line under the finding, ESLint-codeframe style.
 * Tabs expand to stops of 4 columns; CJK characters take two columns; long lines are cut to a window
 * around the caret with an ellipsis on the cut side.
 */
import { codePointWidth } from '../width';

const TAB = 4;
const MAX_WIDTH = 100;
/** Columns of context kept before the caret when a long line is cut. */
const LEAD = 24;

export interface Frame {
  readonly text: string;
  /** Spaces up to the caret, then `^` marks, in display columns of `text`. */
  readonly caret: string;
}

interface Glyph {
  readonly index: number;
  readonly col: number;
  readonly shown: string;
  readonly width: number;
}

/** `start`, `end`: UTF-16 characters in `line`; `end` past the line (a multi-line span) marks to its end. */
export function frameLine(line: string, start: number, end: number, maxWidth = MAX_WIDTH): Frame {
  const glyphs: Glyph[] = [];
  let col = 0;
  for (let i = 0; i < line.length;) {
    const cp = line.codePointAt(i) ?? 0;
    const units = cp > 0xffff ? 2 : 1;
    const shown = cp === 9 ? ' '.repeat(TAB - (col % TAB)) : codePointWidth(cp) === 0 && cp < 0x20 ? '' : String.fromCodePoint(cp);
    const width = cp === 9 ? shown.length : codePointWidth(cp);
    glyphs.push({ index: i, col, shown, width });
    col += width;
    i += units;
  }
  const total = col;
  const colAt = (index: number) => {
    const g = glyphs.find((x) => x.index >= index);
    return g ? g.col : total;
  };
  const caretStart = colAt(start);
  const caretEnd = Math.max(caretStart + 1, end > line.length ? total : colAt(end));

  let from = 0;
  let to = total;
  if (total > maxWidth) {
    from = Math.max(0, Math.min(caretStart - LEAD, total - maxWidth));
    to = from + maxWidth;
  }
  const kept = glyphs.filter((g) => g.col >= from && g.col + g.width <= to);
  const head = from > 0 ? '…' : '';
  const tail = to < total ? '…' : '';
  const firstCol = kept.length ? kept[0].col : from;
  const text = head + kept.map((g) => g.shown).join('') + tail;
  const lead = head.length + Math.max(0, caretStart - firstCol);
  const marks = Math.max(1, Math.min(caretEnd, to) - Math.max(caretStart, firstCol));
  return { text: text.trimEnd(), caret: ' '.repeat(lead) + '^'.repeat(marks) };
}
