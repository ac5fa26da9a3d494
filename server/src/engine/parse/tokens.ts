/** A table region as a stream of tokens: non-empty cells, placeholder lines and row breaks. */
import type { Line } from '../text/lines';
import { isPageArtefact } from './sections';
import { splitFields, type Field, type LineFields } from './fields';

export type Token =
  | { readonly kind: 'cell'; readonly field: Field; readonly line: number; readonly row: LineFields }
  /** A line holding only separators (a TAB): a spanned-cell placeholder or a blank cell. */
  | { readonly kind: 'placeholder'; readonly line: number; readonly at: number }
  /** An empty line. */
  | { readonly kind: 'break'; readonly line: number };

/**
 * The tokens of lines `from`..`to`, one per call (null at the end), produced lazily so a reader can
 * stop at the end of its table. A plain function rather than a generator: cheaper per token.
 */
export function tokenize(lines: readonly Line[], from: number, to: number): () => Token | null {
  let i = from;
  /** The line whose cells are being handed out, and the next of them. */
  let row: LineFields | null = null;
  let rowLine = -1;
  let k = 0;
  return () => {
    for (;;) {
      if (row && k < row.nonEmpty.length) return { kind: 'cell', field: row.nonEmpty[k++], line: rowLine, row };
      row = null;
      if (i > to || i >= lines.length) return null;
      const at = i++;
      const line = lines[at];
      if (isPageArtefact(line.text, true)) continue;
      const lf = splitFields(line);
      if (lf.nonEmpty.length === 0) return lf.separated ? { kind: 'placeholder', line: at, at: line.start } : { kind: 'break', line: at };
      row = lf;
      rowLine = at;
      k = 0;
    }
  };
}
