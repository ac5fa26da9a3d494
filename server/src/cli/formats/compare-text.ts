/** `--compare` as text: the pair, then only what changed, section by section (unchanged cells counted). */
import type { Comparison } from '../../engine';
import type { CompareStrings } from '../../render/compare-strings';

export interface ComparedFiles {
  readonly previous: string;
  readonly current: string;
}

const num = (n: number | null, s: CompareStrings) => (n === null ? s.unread : String(n));
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));


export function formatCompareText(c: Comparison, files: ComparedFiles, s: CompareStrings): string {
  const out: string[] = [];
  const line = (r: { start: { line: number } } | null) => (r ? `  (${s.line(r.start.line + 1)})` : '');
  const side = (name: string, path: string, x: Comparison['previous']) => `${name}: ${path}  ${x.body ?? '—'} · ${x.year ?? '—'} · ${x.version ?? '—'}`;
  out.push(s.title, side(s.previous, files.previous, c.previous), side(s.current, files.current, c.current));
  for (const n of c.notes) out.push(`! ${s.notes[n]}`);

  const changed = c.cells.filter((x) => x.previous !== x.current);
  out.push('', `${s.cells} (${changed.length}/${c.cells.length})`);
  for (const x of changed) {
    const delta = x.change === null ? '' : `  ${signed(x.change)}${x.percent === null ? '' : ` (${signed(x.percent)}%)`}`;
    out.push(`${x.large ? '!!' : '  '} ${x.label} [${x.id}]  ${num(x.previous, s)} → ${num(x.current, s)}${delta}${line(x.currentRange)}`);
  }
  if (changed.some((x) => x.large)) out.push(`   !! ${s.large(c.threshold)}`);
  out.push(`   ${s.unchangedHidden(c.cells.length - changed.length)}`);

  out.push('', s.rows);
  if (c.rows.length === 0) out.push(`   ${s.none}`);
  for (const r of c.rows) out.push(`   ${r.kind === 'added' ? s.rowAdded : s.rowRemoved}: ${r.label}${line(r.range)}`);

  if (c.unmatched.previousOnly.length + c.unmatched.currentOnly.length > 0) {
    out.push('', s.unmatched, `   ${s.previousOnly}: ${c.unmatched.previousOnly.join(', ') || s.none}`, `   ${s.currentOnly}: ${c.unmatched.currentOnly.join(', ') || s.none}`);
  }

  out.push('', `${s.carryOver} — ${s.carryOverExplain}`);
  for (const l of c.carryOver) {
    const verdict = l.holds === null ? s.unread : l.holds ? s.holds : s.broken;
    out.push(`${l.holds === false ? '!!' : '  '} ${l.label}: ${num(l.previous, s)} → ${num(l.current, s)}  ${verdict}`);
  }

  out.push('', `${s.copied} (${c.copiedParagraphs.length})`);
  for (const p of c.copiedParagraphs) out.push(`   ${s.line(p.currentRange.start.line + 1)} ≈ ${s.previous} ${s.line(p.previousRange.start.line + 1)} (${s.similarity} ${p.similarity}): ${p.text}`);

  out.push('', `${s.staleYears} (${c.staleYears.length})`);
  for (const y of c.staleYears) out.push(`   ${s.line(y.range.start.line + 1)}: ${y.sentence}`);

  out.push('', s.sections);
  if (c.sections.length === 0) out.push(`   ${s.none}`);
  for (const x of c.sections) out.push(`   ${x.kind === 'added' ? s.sectionAdded : s.sectionMissing}: ${x.title}${line(x.range)}`);
  return out.join('\n');
}
