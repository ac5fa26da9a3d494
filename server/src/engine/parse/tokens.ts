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

/** The tokens of lines `from`..`to`, produced lazily so a reader can stop at the end of its table. */
export function* tokenize(lines: readonly Line[], from: number, to: number): Generator<Token> {
  for (let i = from; i <= to && i < lines.length; i++) {
    const line = lines[i];
    if (isPageArtefact(line.text, true)) continue;
    const lf = splitFields(line);
    if (lf.nonEmpty.length === 0) {
      yield lf.separated ? { kind: 'placeholder', line: i, at: line.start } : { kind: 'break', line: i };
      continue;
    }
    for (const f of lf.nonEmpty) yield { kind: 'cell', field: f, line: i, row: lf };
  }
}
