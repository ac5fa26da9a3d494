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

export function tokenize(lines: readonly Line[], from: number, to: number): { tokens: Token[]; rows: Map<number, LineFields> } {
  const tokens: Token[] = [];
  const rows = new Map<number, LineFields>();
  for (let i = from; i <= to && i < lines.length; i++) {
    const line = lines[i];
    if (isPageArtefact(line.text, true)) continue;
    const lf = splitFields(line);
    rows.set(i, lf);
    if (lf.nonEmpty.length === 0) {
      if (lf.separated) tokens.push({ kind: 'placeholder', line: i, at: line.start });
      else tokens.push({ kind: 'break', line: i });
      continue;
    }
    for (const f of lf.nonEmpty) tokens.push({ kind: 'cell', field: f, line: i, row: lf });
  }
  return { tokens, rows };
}
