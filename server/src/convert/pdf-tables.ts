/**
 * Tables of a PDF page from its drawn rules: cell borders are thin filled rectangles or stroked lines. Rules
 * that touch form one table; their distinct x and y positions form its grid; two neighbouring grid cells with
 * no rule between them are one merged cell. Pure geometry, in page points with the origin at the top left.
 */

export interface Rule {
  /** Horizontal: y, from x0 to x1. Vertical: x, from y0 to y1 (stored in the same fields). */
  readonly horizontal: boolean;
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

export interface GridCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface TableGrid {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly cells: readonly GridCell[];
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const TOL = 2;
/** A drawn rectangle thinner than this is a rule; a thicker one is a shaded area. */
export const RULE_THICKNESS = 2.5;

/** Rules from a rectangle that was filled: a thin one is a rule, anything else is not. */
export function rulesOfFilledRect(x0: number, y0: number, x1: number, y1: number): Rule[] {
  const w = Math.abs(x1 - x0);
  const h = Math.abs(y1 - y0);
  const [lx, hx, ly, hy] = [Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1)];
  if (h <= RULE_THICKNESS && w > h) return [{ horizontal: true, at: (ly + hy) / 2, from: lx, to: hx }];
  if (w <= RULE_THICKNESS && h > w) return [{ horizontal: false, at: (lx + hx) / 2, from: ly, to: hy }];
  return [];
}

/** Rules from a stroked rectangle: its four edges. */
export function rulesOfStrokedRect(x0: number, y0: number, x1: number, y1: number): Rule[] {
  const [lx, hx, ly, hy] = [Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1)];
  return [
    { horizontal: true, at: ly, from: lx, to: hx }, { horizontal: true, at: hy, from: lx, to: hx },
    { horizontal: false, at: lx, from: ly, to: hy }, { horizontal: false, at: hx, from: ly, to: hy },
  ];
}

/** A stroked segment is a rule when it is horizontal or vertical. */
export function ruleOfSegment(x0: number, y0: number, x1: number, y1: number): Rule | null {
  if (Math.abs(y1 - y0) <= 0.5 && Math.abs(x1 - x0) > 0.5) {
    return { horizontal: true, at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) };
  }
  if (Math.abs(x1 - x0) <= 0.5 && Math.abs(y1 - y0) > 0.5) {
    return { horizontal: false, at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) };
  }
  return null;
}

function touches(a: Rule, b: Rule): boolean {
  if (a.horizontal === b.horizontal) {
    return Math.abs(a.at - b.at) <= TOL && a.from <= b.to + TOL && b.from <= a.to + TOL;
  }
  const [h, v] = a.horizontal ? [a, b] : [b, a];
  return v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL;
}

/** Positions closer than the tolerance are one. */
function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1] > TOL) out.push(v);
  return out;
}

function covered(rules: readonly Rule[], horizontal: boolean, at: number, from: number, to: number): boolean {
  const mid = (from + to) / 2;
  return rules.some((r) => r.horizontal === horizontal && Math.abs(r.at - at) <= TOL && r.from <= mid && r.to >= mid);
}

function gridOf(drawn: readonly Rule[]): TableGrid | null {
  const xs = distinct(drawn.filter((r) => !r.horizontal).map((r) => r.at));
  let ys = distinct(drawn.filter((r) => r.horizontal).map((r) => r.at));
  if (xs.length < 2 || ys.length < 1) return null;
  // A table broken across pages: the row cut at the page edge has its side rules but no top (or bottom) rule
  // on this page. The ends of the side rules close it, so that its text stays in the table.
  const verticals = drawn.filter((r) => !r.horizontal);
  const top = Math.min(...verticals.map((r) => r.from));
  const bottom = Math.max(...verticals.map((r) => r.to));
  const rules = [...drawn];
  if (top < ys[0] - TOL) rules.push({ horizontal: true, at: top, from: xs[0], to: xs[xs.length - 1] });
  if (bottom > ys[ys.length - 1] + TOL) rules.push({ horizontal: true, at: bottom, from: xs[0], to: xs[xs.length - 1] });
  ys = distinct(rules.filter((r) => r.horizontal).map((r) => r.at));
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows * cols > 100_000) return null;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(rules, false, xs[c + 1], ys[r], ys[r + 1])) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covered(rules, true, ys[r + 1], xs[c], xs[c + 1])) union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const groups = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const g = find(r * cols + c);
      const x = groups.get(g);
      if (!x) groups.set(g, { r0: r, c0: c, r1: r, c1: c });
      else {
        x.r0 = Math.min(x.r0, r); x.c0 = Math.min(x.c0, c); x.r1 = Math.max(x.r1, r); x.c1 = Math.max(x.c1, c);
      }
    }
  }
  const cells = [...groups.values()]
    .map((g) => ({
      row: g.r0, col: g.c0, rowSpan: g.r1 - g.r0 + 1, colSpan: g.c1 - g.c0 + 1,
      x0: xs[g.c0], y0: ys[g.r0], x1: xs[g.c1 + 1], y1: ys[g.r1 + 1],
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells, x0: xs[0], y0: ys[0], x1: xs[xs.length - 1], y1: ys[ys.length - 1] };
}

/** The tables drawn on a page, top to bottom. */
export function findTables(rules: readonly Rule[]): TableGrid[] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // Sorting by start lets the pair test stop early; pages have at most a few thousand rules.
  const order = rules.map((_, i) => i).sort((a, b) => Math.min(rules[a].from, rules[a].at) - Math.min(rules[b].from, rules[b].at));
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      if (touches(rules[order[i]], rules[order[j]])) parent[find(order[i])] = find(order[j]);
    }
  }
  const clusters = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const k = find(i);
    clusters.set(k, [...(clusters.get(k) ?? []), r]);
  });
  return [...clusters.values()].map(gridOf).filter((g): g is TableGrid => g !== null && g.cells.length >= 2).sort((a, b) => a.y0 - b.y0);
}
