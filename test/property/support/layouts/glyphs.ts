/**
 * (i) Look-alike glyphs from PDF text, over any other layout: many PDFs map common ideographs to
 * Kangxi radicals (`⼀` U+2F00 for 一, `⾏` U+2F8F for 行, `⽬` U+2F6C for 目, `⼒` U+2F12 for 力)
 * or to CJK compatibility ideographs, so copied text reads `⼀、总体情况`. Every look-alike is one
 * UTF-16 unit, as is the character it stands for, so the cells' spans do not move.
 */
import type { Rng } from './rng';
import type { LayoutRenderer, RenderedReport, ReportModel } from './types';

/** Look-alike → the ideograph NFKC folds it to, for the BMP blocks PDFs use. */
function lookAlikes(): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  const ranges: [number, number][] = [[0x2e80, 0x2ef3], [0x2f00, 0x2fd5], [0xf900, 0xfad9]];
  for (const [lo, hi] of ranges) {
    for (let c = lo; c <= hi; c++) {
      const ch = String.fromCharCode(c);
      const target = ch.normalize('NFKC');
      if (target === ch || target.length !== 1 || !/\p{Script=Han}/u.test(target)) continue;
      byTarget.set(target, [...(byTarget.get(target) ?? []), ch]);
    }
  }
  return byTarget;
}

export const LOOK_ALIKES = lookAlikes();

/** The four the issue names, always used when the character occurs. */
const NAMED: Record<string, string> = { 一: '\u2F00', 行: '\u2F8F', 目: '\u2F6C', 力: '\u2F12' };

export function withLookAlikes(text: string, rng: Rng): string {
  // A PDF font maps a character the same way everywhere; which characters it maps varies.
  const chosen = new Map<string, string>(Object.entries(NAMED));
  for (const [target, alikes] of LOOK_ALIKES) if (!chosen.has(target) && rng.chance(0.5)) chosen.set(target, rng.pick(alikes));
  let out = '';
  for (const ch of text) out += chosen.get(ch) ?? ch;
  return out;
}

export function glyphLayout(bases: readonly LayoutRenderer[]): LayoutRenderer {
  return {
    id: 'glyphs',
    title: 'look-alike glyphs over another layout',
    blankAsZero: bases.some((x) => x.blankAsZero),
    render(model: ReportModel, rng: Rng): RenderedReport {
      const base = rng.pick(bases);
      const r = base.render(model, rng);
      const text = withLookAlikes(r.text, rng);
      if (text.length !== r.text.length) throw new Error('a look-alike changed the text length');
      return { ...r, text, base: base.id };
    },
  };
}
