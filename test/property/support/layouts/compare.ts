/**
 * The metamorphic comparison: a report rendered in a layout, checked by the engine, against the
 * same report rendered as TAB rows. Returns what differs as readable lines, one per problem, so a
 * failing property says per table what went wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, type CheckResult, type Finding, type Span, type TableId } from '../../../../server/src/engine';
import { TABLE_IDS } from './model';
import { Rng } from './rng';
import { tabLayout } from './tab';
import type { LayoutRenderer, RenderedReport, ReportModel } from './types';

export const ARITHMETIC = new Set(['row-total', 'item-total', 'balance', 'review-total']);
export const UNREADABLE = 'table-unreadable';

type Where = TableId | 'outside';

export function whereOf(r: RenderedReport, span: Span): Where {
  for (const id of TABLE_IDS) if (span.start >= r.regions[id].start && span.start < r.regions[id].end) return id;
  return 'outside';
}

function describe(result: CheckResult, f: Finding): string {
  return `${f.severity} ${f.code} at ${f.range.start.line + 1}:${f.range.start.character + 1} (${result.report.text.slice(f.span.start, Math.min(f.span.end, f.span.start + 20)) || '∅'}): ${f.message}`;
}

const keyOf = (f: Finding) => `${f.code}${f.target?.row ? ' ' + f.target.row : ''}${f.target?.column ? '/' + f.target.column : ''}`;

/** Values read per row id, for one table (null where a row's cells could not be placed). */
export function readTable(result: CheckResult, id: TableId): Record<string, (number | null)[] | null> {
  const t = result.report.tables[id];
  return Object.fromEntries((t?.rows ?? []).map((r) => [r.id, r.cells ? r.cells.map((c) => c.value) : null]));
}

/** Multiset difference: what `a` has beyond `b`. */
function beyond(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

function modelNumbers(model: ReportModel, id: TableId): Record<string, number[]> {
  if (id === 'applications') return Object.fromEntries(Object.entries(model.values.applications).map(([k, v]) => [k, [...v]]));
  if (id === 'review') return { cases: [...model.values.review] };
  return Object.fromEntries(Object.entries(model.values.active).map(([k, v]) => [k, v.map((x) => Number(x.replace(/^[−－]/, '-').replace(/^\+/, '')))]));
}

export interface Comparison {
  readonly problems: string[];
  readonly rendered: RenderedReport;
  readonly result: CheckResult;
  /** Tables the layout's reading gave up on (one `table-unreadable`). */
  readonly unreadable: TableId[];
}

/** The TAB rendering, with the engine's reading of it checked against the model (the baseline). */
export function baseline(model: ReportModel, seed: number): { rendered: RenderedReport; result: CheckResult; problems: string[] } {
  const rendered = tabLayout.render(model, new Rng(seed));
  const result = check(rendered.text);
  const problems: string[] = [];
  for (const id of TABLE_IDS) {
    const read = readTable(result, id);
    const want = modelNumbers(model, id);
    for (const [row, values] of Object.entries(want)) {
      if (JSON.stringify(read[row]) !== JSON.stringify(values)) problems.push(`baseline (TAB) ${id} ${row}: read ${JSON.stringify(read[row])}, written ${JSON.stringify(values)}`);
    }
  }
  return { rendered, result, problems };
}

/** Render `model` in `layout` (randomness from `seed`), check it, and compare with its TAB rendering. */
export function compareLayout(layout: LayoutRenderer, model: ReportModel, seed: number): Comparison {
  const base = baseline(model, seed);
  const rendered = layout.render(model, new Rng(seed));
  const result = check(rendered.text);
  const problems = [...base.problems];
  const blankAsZero = rendered.base ? rendered.base === 'web-tab' : layout.blankAsZero;
  // Precision first: a consistent report has no error-level finding, in any layout.
  for (const f of result.findings) {
    if (f.severity === 'error') problems.push(`${whereOf(rendered, f.span)}: error on a consistent report: ${describe(result, f)}`);
  }
  const unreadable: TableId[] = [];
  const byWhere = (r: RenderedReport, fs: readonly Finding[], w: Where) => fs.filter((f) => whereOf(r, f.span) === w);
  for (const w of [...TABLE_IDS, 'outside'] as Where[]) {
    const mine = byWhere(rendered, result.findings, w);
    const theirs = byWhere(base.rendered, base.result.findings, w);
    const gaveUp = mine.filter((f) => f.code === UNREADABLE);
    if (w !== 'outside' && gaveUp.length) {
      unreadable.push(w);
      if (gaveUp.length > 1) problems.push(`${w}: ${gaveUp.length} table-unreadable findings, expected one`);
      for (const f of mine.filter((x) => x.code !== UNREADABLE)) problems.push(`${w}: finding beside table-unreadable: ${describe(result, f)}`);
      continue;
    }
    let actual = mine.map(keyOf);
    if (blankAsZero && w !== 'outside') {
      const blanks = actual.filter((k) => k.startsWith('cell-blank')).length;
      if (blanks > 1) problems.push(`${w}: ${blanks} cell-blank findings for zeros written blank (at most one per table)`);
      const first = actual.findIndex((k) => k.startsWith('cell-blank'));
      if (first >= 0 && !theirs.some((f) => f.code === 'cell-blank')) actual = actual.filter((_, i) => i !== first);
    }
    const expected = theirs.map(keyOf);
    const extra = beyond(actual, expected);
    const lost = beyond(expected, actual);
    if (extra.length) problems.push(`${w}: findings the TAB rendering does not have: ${mine.filter((f) => extra.includes(keyOf(f))).map((f) => describe(result, f)).slice(0, 8).join(' | ')}${extra.length > 8 ? ` … (${extra.length} in all)` : ''}`);
    if (lost.length) problems.push(`${w}: findings of the TAB rendering missing: ${lost.join(', ')}`);
    if (w === 'outside') continue;
    const read = readTable(result, w);
    const want = readTable(base.result, w);
    const differ = Object.keys({ ...want, ...read }).filter((row) => JSON.stringify(read[row]) !== JSON.stringify(want[row]));
    if (differ.length) {
      problems.push(`${w}: ${differ.length} rows read differently from the TAB rendering: ${differ.slice(0, 4).map((row) => `${row} ${JSON.stringify(read[row] ?? 'missing')} (TAB ${JSON.stringify(want[row] ?? 'missing')})`).join('; ')}${differ.length > 4 ? ' …' : ''}`);
    }
  }
  return { problems, rendered, result, unreadable };
}

/** Keeps a failing rendering where the lead can open it; returns its path. */
export function keepRendering(layout: string, seed: number, text: string): string {
  const dir = join(tmpdir(), 'xxgk-layouts');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${layout}-${seed >>> 0}.txt`);
  writeFileSync(path, text);
  return path;
}
