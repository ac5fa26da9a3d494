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

/** A `|` between two cells, not only the outer pipes of a one-cell row (`| 三、… |`). */
function hasInnerPipe(text: string): boolean {
  let s = 0;
  let e = text.length;
  while (s < e && text[s] === '|') s++;
  while (e > s && text[e - 1] === '|') e--;
  return text.slice(s, e).includes('|');
}

/** The shape most lines of the region have; `spaced-columns` when nothing else stands out. */
export function shapeOf(lines: readonly Line[], region: Region): LayoutId {
  let nonEmpty = 0;
  let tabs = 0;
  let pipes = 0;
  let rules = 0;
  let single = 0;
  for (let i = region.from; i <= region.to && i < lines.length; i++) {
    const t = lines[i].text;
    const trimmed = t.trim();
    if (trimmed === '') continue;
    nonEmpty++;
    if (t.includes('|')) {
      if (isMarkdownRule(t)) rules++;
      else if (hasInnerPipe(trimmed)) pipes++;
      else single++;
    } else if (t.includes('\t')) {
      if (trimmed.includes('\t')) tabs++;
      else single++;
    } else if (!SPACED.test(trimmed)) single++;
  }
  if (nonEmpty === 0) return 'spaced-columns';
  if (single * 10 >= nonEmpty * 7) return 'cell-per-line';
  if (rules > 0 && pipes * 3 >= nonEmpty) return 'markdown';
  if (pipes * 3 >= nonEmpty) return 'pipe-rows';
  if (tabs * 3 >= nonEmpty) return 'tab-rows';
  return 'spaced-columns';
}
