/** The visible shape of a table region (TAB rows, pipes, markdown, one cell per line, spaced columns). */
import type { Line } from '../../text/lines';
import type { LayoutId } from '../../model';
import type { Region } from './types';


/** A markdown rule row `|---|:--:|`: only pipes, colons, dashes and blanks, with a run of three dashes. */
function isMarkdownRule(text: string): boolean {
  if (!text.includes('---')) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '|' && c !== '-' && c !== ':' && c !== ' ' && c !== '\t') return false;
  }
  return true;
}
const SPACED = /\S\s{2,}\S/;

/** The shape most lines of the region have; `spaced-columns` when nothing else stands out. */
export function shapeOf(lines: readonly Line[], region: Region): LayoutId {
  let nonEmpty = 0;
  let tabs = 0;
  let pipes = 0;
  let rules = 0;
  let single = 0;
  for (let i = region.from; i <= region.to && i < lines.length; i++) {
    const t = lines[i].text;
    if (t.trim() === '') continue;
    nonEmpty++;
    if (t.includes('|')) {
      pipes++;
      if (isMarkdownRule(t)) rules++;
    } else if (t.includes('\t')) tabs++;
    else if (!SPACED.test(t.trim())) single++;
  }
  if (nonEmpty === 0) return 'spaced-columns';
  if (rules > 0 && pipes * 3 >= nonEmpty) return 'markdown';
  if (pipes * 3 >= nonEmpty) return 'pipe-rows';
  if (tabs * 3 >= nonEmpty) return 'tab-rows';
  if (single * 10 >= nonEmpty * 7) return 'cell-per-line';
  return 'spaced-columns';
}
