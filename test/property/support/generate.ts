/**
 * Generators for the property tests: random valid reports of both format versions, each
 * table in a random layout met in practice, with random consistent numbers; and random damage done
 * to a text. Everything random comes from fast-check, so failures shrink and replay from a seed.
 */
import fc from 'fast-check';
import { parseReport, TEMPLATES, type Cell, type FormatVersion, type TableId } from '../../../server/src/engine';

export type Layout = 'tab' | 'pipe' | 'cells' | 'spaced';
export const LAYOUTS: readonly Layout[] = ['tab', 'pipe', 'cells', 'spaced'];

/** Random choices that shape the text but not its meaning; `noise` is read cyclically. */
export interface Style {
  readonly layouts: Readonly<Record<TableId, Layout>>;
  readonly eol: '\n' | '\r\n' | '\r';
  readonly bom: boolean;
  /** Pipe rows: with a leading pipe, with a trailing pipe, spaces around the pipes. */
  readonly leadingPipe: boolean;
  readonly trailingPipe: boolean;
  readonly padPipes: boolean;
  /** Group labels on the line of their first row (samples 002, 004) instead of their own line. */
  readonly groupsInline: boolean;
  /** Half-width brackets in labels (`(一)予以公开`), as in samples 002–004. */
  readonly halfWidth: boolean;
  /** A preamble paragraph before 一 (sample 001), prose paragraphs, sub-headings. */
  readonly preamble: boolean;
  /** Page footers (`- 2 -`, `— 3 —`, `第2页`) between sections, as in PDF conversions. */
  readonly footers: boolean;
  /** Pipe tables with a markdown rule row (`|---|---|`) after their first row. */
  readonly markdownRule: boolean;
  readonly noise: readonly number[];
}

export interface Values {
  /** Table 2: row id → 7 numbers (the last is the row's 总计). */
  readonly applications: Readonly<Record<string, readonly number[]>>;
  /** Table 3: the 15 numbers. */
  readonly review: readonly number[];
  /** Table 1: `<block id>.<row id>` → the cells as written. */
  readonly active: Readonly<Record<string, readonly string[]>>;
}

export interface Generated {
  readonly version: FormatVersion;
  readonly year: number;
  readonly style: Style;
  readonly values: Values;
  readonly text: string;
}

class Noise {
  private i = 0;
  constructor(private readonly src: readonly number[]) {}
  next(n: number): number {
    if (!this.src.length || n <= 1) return 0;
    return this.src[this.i++ % this.src.length] % n;
  }
}

const PROSE = [
  '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。',
  '通过门户网站、政务新媒体等渠道及时发布政策文件和工作动态。',
  '进一步完善政府信息公开工作机制，明确责任分工，规范办理流程。',
  '加强对工作人员的业务培训，提升依法公开的意识和能力。',
  '严格落实保密审查制度，确保公开内容准确、规范。',
  '本年度未发生因政府信息公开工作被追责的情形。',
];

function sumOf(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

/** Numbers of Tables 2 and 3 for which every identity (docs/format.md, "Identities") holds. */
function consistentValues(version: FormatVersion, leaves: readonly number[][], carried: readonly number[], split: readonly number[], review: readonly number[]): Pick<Values, 'applications' | 'review'> {
  const t = TEMPLATES[version].applications;
  const withTotal = (xs: readonly number[]) => [...xs.slice(0, 6), sumOf(xs.slice(0, 6))];
  const resultIds = t.rows.map((r) => r.id).filter((id) => id.startsWith('R3.') && id !== 'R3.7');
  const apps: Record<string, number[]> = {};
  resultIds.forEach((id, i) => { apps[id] = withTotal(leaves[i % leaves.length]); });
  const r37 = withTotal([0, 1, 2, 3, 4, 5].map((c) => sumOf(resultIds.map((id) => apps[id][c]))));
  const r4 = withTotal(carried);
  // R1 + R2 = R3.7 + R4, column by column: R2 takes a share of the right side, R1 the rest.
  const r2 = withTotal([0, 1, 2, 3, 4, 5].map((c) => (r37[c] + r4[c] === 0 ? 0 : split[c] % (r37[c] + r4[c] + 1))));
  const r1 = withTotal([0, 1, 2, 3, 4, 5].map((c) => r37[c] + r4[c] - r2[c]));
  apps['R3.7'] = r37;
  apps.R4 = r4;
  apps.R2 = r2;
  apps.R1 = r1;
  const rv: number[] = [];
  for (let g = 0; g < 3; g++) {
    const parts = review.slice(g * 4, g * 4 + 4);
    rv.push(...parts, sumOf(parts));
  }
  return { applications: apps, review: rv };
}

const smallCount = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.nat(9) }, { weight: 1, arbitrary: fc.nat(400) },
);

/** A Table 1 cell of a column type, written as reports write it. */
function activeCell(type: string): fc.Arbitrary<string> {
  if (type === 'signedInteger') {
    return fc.tuple(fc.nat(30), fc.constantFrom('', '+', '-', '−', '－')).map(([n, sign]) => (n === 0 ? '0' : sign + n));
  }
  if (type === 'decimal') {
    return fc.tuple(fc.nat(9999), fc.nat(9999), fc.nat(4)).map(([a, b, places]) => (places === 0 ? String(a) : `${a}.${String(b).padStart(4, '0').slice(0, places)}`));
  }
  return smallCount.map(String);
}

function activeValues(version: FormatVersion): fc.Arbitrary<Record<string, string[]>> {
  const rec: Record<string, fc.Arbitrary<string[]>> = {};
  for (const b of TEMPLATES[version].active.blocks) {
    for (const r of b.rows) rec[`${b.id}.${r.id}`] = fc.tuple(...b.columns.map((c) => activeCell(c.type)));
  }
  return fc.record(rec);
}

export const styleArb: fc.Arbitrary<Style> = fc.record({
  layouts: fc.record({
    active: fc.constantFrom(...LAYOUTS), applications: fc.constantFrom(...LAYOUTS), review: fc.constantFrom(...LAYOUTS),
  }),
  eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
  bom: fc.boolean(),
  leadingPipe: fc.boolean(),
  trailingPipe: fc.boolean(),
  padPipes: fc.boolean(),
  groupsInline: fc.boolean(),
  halfWidth: fc.boolean(),
  preamble: fc.boolean(),
  footers: fc.boolean(),
  markdownRule: fc.boolean(),
  noise: fc.array(fc.nat(12), { maxLength: 12 }),
});

function yearArb(version: FormatVersion): fc.Arbitrary<number> {
  return version === '2019' ? fc.integer({ min: 2019, max: 2020 }) : fc.integer({ min: 2021, max: 2026 });
}

/** A valid, consistent report of either version (or of the given one). */
export function reportArb(version?: FormatVersion): fc.Arbitrary<Generated> {
  const v = version ? fc.constant(version) : fc.constantFrom<FormatVersion>('2019', '2021');
  return v.chain((ver) => fc.record({
    version: fc.constant(ver),
    year: yearArb(ver),
    style: styleArb,
    leaves: fc.array(fc.array(smallCount, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 21 }),
    carried: fc.array(smallCount, { minLength: 6, maxLength: 6 }),
    split: fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }),
    review: fc.array(smallCount, { minLength: 12, maxLength: 12 }),
    active: activeValues(ver),
  })).map((g) => {
    const values: Values = { ...consistentValues(g.version, g.leaves, g.carried, g.split, g.review), active: g.active };
    return { version: g.version, year: g.year, style: g.style, values, text: renderReport(g.version, g.year, g.style, values) };
  });
}

// ---------------------------------------------------------------------------------------------
// Rendering

function label(s: string, style: Style): string {
  return style.halfWidth ? s.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',') : s;
}

/** One table row in a layout. `cells` may hold empty strings (spanned or padding cells). */
function renderRow(layout: Layout, cells: readonly string[], style: Style, noise: Noise): string[] {
  switch (layout) {
    case 'tab': {
      const lead = noise.next(4) === 0 ? '\t' : '';
      const trail = noise.next(3) === 0 ? '\t' : '';
      return [lead + cells.join('\t') + trail];
    }
    case 'pipe': {
      const sep = style.padPipes ? ' | ' : '|';
      const body = cells.join(sep);
      return [(style.leadingPipe ? sep.trimStart() : '') + body + (style.trailingPipe ? sep.trimEnd() : '')];
    }
    case 'spaced': {
      const shown = cells.filter((c) => c !== '');
      return [shown.map((c, i) => (i === 0 ? c : ' '.repeat(2 + noise.next(5)) + c)).join('')];
    }
    case 'cells': {
      // Sample 000: every cell on its own line after a TAB, rows separated by an empty line.
      const lines = cells.filter((c) => c !== '').map((c) => '\t' + (noise.next(9) === 0 && /^\d/.test(c) ? ' ' : '') + c);
      return [...lines, ''];
    }
  }
}

/** A markdown rule row after a pipe table's first row (`| --- | --- |`). */
function withRule(layout: Layout, lines: string[], style: Style): string[] {
  if (layout !== 'pipe' || !style.markdownRule || !lines.length) return lines;
  const n = lines[0].split('|').length - (style.leadingPipe ? 1 : 0) - (style.trailingPipe ? 1 : 0);
  const rule = (style.leadingPipe ? '|' : '') + Array(Math.max(1, n)).fill('---').join('|') + (style.trailingPipe ? '|' : '');
  return [lines[0], rule, ...lines.slice(1)];
}

function renderActive(version: FormatVersion, style: Style, values: Values, noise: Noise): string[] {
  const layout = style.layouts.active;
  const out: string[] = [];
  for (const b of TEMPLATES[version].active.blocks) {
    const width = 3;
    const pad = (xs: string[]) => (layout === 'cells' || layout === 'spaced' ? xs : [...xs, ...Array<string>(Math.max(0, width + 1 - xs.length)).fill('')]);
    out.push(...renderRow(layout, pad([label(b.label, style)]), style, noise));
    out.push(...renderRow(layout, pad(['信息内容', ...b.columns.map((c) => label(c.label, style))]), style, noise));
    for (const r of b.rows) out.push(...renderRow(layout, pad([r.label, ...values.active[`${b.id}.${r.id}`]]), style, noise));
  }
  return out;
}

function renderApplications(version: FormatVersion, style: Style, values: Values, noise: Noise): string[] {
  const layout = style.layouts.applications;
  const def = TEMPLATES[version].applications;
  const out: string[] = [];
  out.push(...renderRow(layout, [label(def.cornerNote, style), '申请人情况'], style, noise));
  out.push(...renderRow(layout, ['', '自然人', '法人或其他组织', '', '', '', '', '总计'], style, noise));
  out.push(...renderRow(layout, ['', '', ...def.columns.filter((c) => c.group === 'org').map((c) => c.label), ''], style, noise));
  const shown = new Set<string>();
  for (const r of def.rows) {
    const chain: string[] = [];
    for (let g = r.group; g; g = def.rowGroups.find((x) => x.id === g)?.parent ?? undefined) if (!shown.has(g)) chain.unshift(g);
    chain.forEach((g) => shown.add(g));
    const groupLabels = chain.map((g) => label(def.rowGroups.find((x) => x.id === g)!.label, style));
    const nums = values.applications[r.id].map(String);
    if (layout === 'cells') {
      // Spanned-cell placeholders (TAB-only lines) before the label, as in sample 000.
      const lines: string[] = [];
      for (let k = noise.next(3); k > 0; k--) lines.push('\t');
      for (const g of groupLabels) lines.push('\t' + g);
      out.push(...lines, ...renderRow(layout, [label(r.label, style), ...nums], style, noise));
    } else if (style.groupsInline) {
      out.push(...renderRow(layout, [...groupLabels, label(r.label, style), ...nums], style, noise));
    } else {
      for (const g of groupLabels) out.push(...renderRow(layout, [g], style, noise));
      out.push(...renderRow(layout, [label(r.label, style), ...nums], style, noise));
    }
  }
  return out;
}

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

function renderReview(style: Style, values: Values, noise: Noise): string[] {
  const layout = style.layouts.review;
  const out: string[] = [];
  out.push(...renderRow(layout, ['行政复议', '', '', '', '', '行政诉讼'], style, noise));
  out.push(...renderRow(layout, [...OUTCOMES, '未经复议直接起诉', '', '', '', '', '复议后起诉'], style, noise));
  out.push(...renderRow(layout, ['', '', '', '', '', ...OUTCOMES, ...OUTCOMES], style, noise));
  out.push(...renderRow(layout, values.review.map(String), style, noise));
  return out;
}

export function renderReport(version: FormatVersion, year: number, style: Style, values: Values): string {
  const noise = new Noise(style.noise);
  const t = TEMPLATES[version];
  const prose = () => PROSE[noise.next(PROSE.length)];
  const out: string[] = [];
  out.push('某某县卫生健康局', `${year}年政府信息公开工作年度报告`, '');
  if (style.preamble) out.push(`根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告统计期限自${year}年1月1日起至${year}年12月31日止。`, '');
  out.push(t.sections[0].heading, `${year}年，${prose()}`, label('（一）主动公开', style), prose(), '');
  const footer = (page: number) => {
    if (style.footers) out.push(['- ' + page + ' -', '— ' + page + ' —', `第${page}页`, `第${page}页 共5页`][noise.next(4)], '');
  };
  footer(1);
  out.push(t.sections[1].heading, '', ...withRule(style.layouts.active, renderActive(version, style, values, noise), style), '');
  footer(2);
  out.push(t.sections[2].heading, '', ...withRule(style.layouts.applications, renderApplications(version, style, values, noise), style), '');
  footer(3);
  out.push(t.sections[3].heading, '', ...withRule(style.layouts.review, renderReview(style, values, noise), style), '');
  footer(4);
  out.push(t.sections[4].heading, label('（一）存在的主要问题', style), prose(), label('（二）改进情况', style), prose(), '');
  out.push(t.sections[5].heading, `${year}年度本机关未收取信息处理费。`, '');
  return (style.bom ? '\uFEFF' : '') + out.join(style.eol);
}

// ---------------------------------------------------------------------------------------------
// Damage

/** Odd characters: astral (emoji, CJK Extension B), combining marks, BOM, controls, separators. */
export const ODD_CHARS = [
  '😀', '𠀀', '👨‍👩‍👧', '🇨🇳', '\u0301', '\u20dd', 'é', '\uFEFF', '\u200b', '\u3000', '\u00a0', '\t', '|', '\r', '\n', '\r\n',
  '、', '（', '）', '(', ')', '一', '十', '0', '9', '-', '—', '－', '*', '#', '总计', '其他', '年', '\u0000', '\uFFFD', '\uD800', '\uDC00',
];

const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...ODD_CHARS), { maxLength: 8 }).map((xs) => xs.join('')),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: fc.constantFrom(' ', '\t', '|', '1', '、', '(', '\n'), maxLength: 20 }),
);

export type Damage =
  | { readonly kind: 'delete-line'; readonly at: number }
  | { readonly kind: 'swap-cells'; readonly a: number; readonly b: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'eol'; readonly at: number; readonly eol: string }
  | { readonly kind: 'bom' }
  | { readonly kind: 'duplicate-line'; readonly at: number }
  /** A number replaced by a blank marker (a safe fix turns it into 0). */
  | { readonly kind: 'blank-number'; readonly at: number; readonly blank: string }
  /** A section numbering changed (`一、` → `1、`, `一.`, nothing): a safe fix renumbers it. */
  | { readonly kind: 'heading-marker'; readonly at: number; readonly marker: string };

export const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-cells' as const), a: fc.nat(), b: fc.nat() }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: oddText }) },
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('eol' as const), at: fc.nat(), eol: fc.constantFrom('\n', '\r\n', '\r', '\n\r', '\r\r\n') }),
  fc.record({ kind: fc.constant('bom' as const) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('blank-number' as const), at: fc.nat(), blank: fc.constantFrom('', '/', '-', '—', '——', '无', ' ') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('heading-marker' as const), at: fc.nat(), marker: fc.constantFrom('', '1、', '1. ', '一.', '1', '第一部分 ', '（一）') }) },
);

function lineBounds(text: string): { start: number; end: number; next: number }[] {
  const out: { start: number; end: number; next: number }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index, next: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length, next: text.length });
  return out;
}

/** Apply one damage; positions are taken modulo the text's size, so any damage applies to any text. */
export function applyDamage(text: string, d: Damage): string {
  const lines = lineBounds(text);
  switch (d.kind) {
    case 'delete-line': {
      const l = lines[d.at % lines.length];
      return text.slice(0, l.start) + text.slice(l.next);
    }
    case 'duplicate-line': {
      const l = lines[d.at % lines.length];
      return text.slice(0, l.next) + text.slice(l.start, l.next) + text.slice(l.next);
    }
    case 'swap-cells': {
      const cells = [...text.matchAll(/\d+/g)];
      if (cells.length < 2) return text;
      let [x, y] = [cells[d.a % cells.length], cells[d.b % cells.length]];
      if (x.index === y.index) return text;
      if (x.index > y.index) [x, y] = [y, x];
      return text.slice(0, x.index) + y[0] + text.slice(x.index + x[0].length, y.index) + x[0] + text.slice(y.index + y[0].length);
    }
    case 'insert': {
      const at = d.at % (text.length + 1);
      return text.slice(0, at) + d.text + text.slice(at);
    }
    case 'cut':
      return text.slice(0, d.at % (text.length + 1));
    case 'eol': {
      if (lines.length < 2) return text + d.eol;
      const l = lines[d.at % (lines.length - 1)];
      return text.slice(0, l.end) + d.eol + text.slice(l.next);
    }
    case 'bom':
      return '\uFEFF' + text;
    case 'blank-number': {
      const cells = [...text.matchAll(/(?<=^|[\t| ])\d+(?=$|[\t| \r\n])/gm)];
      if (!cells.length) return text;
      const c = cells[d.at % cells.length];
      return text.slice(0, c.index) + d.blank + text.slice(c.index + c[0].length);
    }
    case 'heading-marker': {
      const marks = [...text.matchAll(/^[一二三四五六]、/gm)];
      if (!marks.length) return text;
      const m = marks[d.at % marks.length];
      return text.slice(0, m.index) + d.marker + text.slice(m.index + m[0].length);
    }
  }
}

/** A generated report with up to `max` damages applied. */
export function damagedArb(max = 6): fc.Arbitrary<{ base: Generated; damages: Damage[]; text: string }> {
  return fc.tuple(reportArb(), fc.array(damageArb, { minLength: 1, maxLength: max })).map(([base, damages]) => ({
    base, damages, text: damages.reduce(applyDamage, base.text),
  }));
}

/** Any text at all: random Unicode, odd characters, report fragments. */
export const anyTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(oddText, { maxLength: 30 }).map((xs) => xs.join('')),
  fc.array(fc.constantFrom(...ODD_CHARS, ...TEMPLATES['2021'].sections.map((s) => s.heading), '第二十条第（一）项', '（七）总计', '行政复议', '\t0', '1'), { maxLength: 60 }).map((xs) => xs.join('')),
);

// ---------------------------------------------------------------------------------------------
// Blanks and broken identities, for the certainty of safe fixes

/** How reports write a cell with no number (spec §3.4). */
export const BLANK_MARKERS = ['', '/', '—', '——', '-', '无'] as const;

export interface Blanked {
  readonly base: Generated;
  readonly text: string;
}

/**
 * A consistent report whose Tables 2 and 3 then get blanks: every zero written as a blank (as the web page of
 * real/04 does) or not, a few numbers of any value blanked (a gap whose value only the identities can tell), and
 * sometimes one number changed (a broken identity beside the blanks). Layouts that drop empty fields (one cell per
 * line, space-aligned) get a visible marker instead of an empty one.
 */
export function blankedArb(): fc.Arbitrary<Blanked> {
  return fc.tuple(
    reportArb(),
    fc.boolean(),
    fc.array(fc.nat(), { maxLength: 4 }),
    fc.constantFrom(...BLANK_MARKERS),
    fc.option(fc.tuple(fc.nat(), fc.integer({ min: -3, max: 5 })), { nil: undefined }),
  ).map(([base, zerosAsBlanks, picks, marker, bump]) => {
    const report = parseReport(base.text);
    const replaced = new Map<Cell, string>();
    for (const id of ['applications', 'review'] as const) {
      const table = report.tables[id];
      if (!table) continue;
      const visible = marker === '' && (base.style.layouts[id] === 'cells' || base.style.layouts[id] === 'spaced') ? '—' : marker;
      const cells = table.rows.flatMap((r) => r.cells ?? []).filter((c) => c.kind === 'number');
      if (zerosAsBlanks) for (const c of cells) if (c.value === 0) replaced.set(c, visible);
      if (cells.length) for (const p of picks) replaced.set(cells[p % cells.length], visible);
    }
    const numbers = [...(report.tables.applications?.rows ?? []), ...(report.tables.review?.rows ?? [])].flatMap((r) => r.cells ?? []).filter((c) => c.kind === 'number' && !replaced.has(c));
    if (bump && numbers.length) {
      const c = numbers[bump[0] % numbers.length];
      replaced.set(c, String(Math.max(0, (c.value ?? 0) + bump[1])));
    }
    let text = base.text;
    for (const [c, v] of [...replaced].sort((a, b) => b[0].span.start - a[0].span.start)) {
      text = text.slice(0, c.span.start) + v + text.slice(c.span.end);
    }
    return { base, text };
  });
}
