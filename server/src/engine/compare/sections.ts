/** Sections and sub-headings present in one year's report and not in the other. */
import type { Report } from '../model';
import { labelKey } from '../text/normalize';
import { rangeIn } from './cells';
import { maskNumbers } from './prose';
import type { SectionChange } from './types';

export function compareSections(previous: Report, current: Report): SectionChange[] {
  const out: SectionChange[] = [];
  const before = new Map(previous.sections.map((s) => [s.no, s]));
  const now = new Map(current.sections.map((s) => [s.no, s]));
  for (const def of current.template.sections) {
    const a = before.get(def.no);
    const b = now.get(def.no);
    if (b && !a) out.push({ no: def.no, title: def.heading, kind: 'added', range: rangeIn(current, b.heading.span) });
    if (a && !b) out.push({ no: def.no, title: def.heading, kind: 'missing', range: rangeIn(previous, a.heading.span) });
  }
  // Sub-headings by their wording, numbers and years masked (（一）2022年主动公开情况 ≈ （一）2021年…).
  const key = (t: string) => maskNumbers(labelKey(t).replace(/^[一二三四五六七八九十]+(?=[^年])/, ''));
  const subs = (r: Report) => {
    const m = new Map<string, { text: string; span: { start: number; end: number } }>();
    for (const s of r.sections.flatMap((x) => x.subHeadings)) if (key(s.text) !== '' && !m.has(key(s.text))) m.set(key(s.text), s);
    return m;
  };
  const sa = subs(previous);
  const sb = subs(current);
  for (const [k, s] of sb) if (!sa.has(k)) out.push({ no: 0, title: s.text.trim(), kind: 'added', range: rangeIn(current, s.span) });
  for (const [k, s] of sa) if (!sb.has(k)) out.push({ no: 0, title: s.text.trim(), kind: 'missing', range: rangeIn(previous, s.span) });
  return out;
}
