/** Moving what was read on an unchanged line to the line's place in a later version. */
import type { Cell, ParsedTable, Span, TableRow } from '../model';

/** A span `delta` characters later. */
export function moveSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

/** A span of a table `delta` characters later: a table may keep a whole field (with its text) as a span. */
function moveTableSpan<S extends Span>(span: S, delta: number): S {
  return { ...span, start: span.start + delta, end: span.end + delta };
}

/**
 * A table read from unchanged lines, at its new place: every span `delta` characters later, its lines
 * `lineDelta` lines later. A cell shared between a row's lists (found and placed) stays shared.
 */
export function moveTable(t: ParsedTable, delta: number, lineDelta: number): ParsedTable {
  const movedCells = new Map<Cell, Cell>();
  const cell = (c: Cell): Cell => {
    let m = movedCells.get(c);
    if (!m) {
      m = { ...c, span: moveTableSpan(c.span, delta) };
      movedCells.set(c, m);
    }
    return m;
  };
  const movedLists = new Map<readonly Cell[], readonly Cell[]>();
  const cells = (list: readonly Cell[]): readonly Cell[] => {
    let m = movedLists.get(list);
    if (!m) {
      m = list.map(cell);
      movedLists.set(list, m);
    }
    return m;
  };
  const moved: Mutable<ParsedTable> = {
    ...t,
    span: moveTableSpan(t.span, delta),
    firstLine: t.firstLine + lineDelta,
    lastLine: t.lastLine + lineDelta,
    rows: t.rows.map((r): TableRow => ({
      ...r, labelSpan: moveTableSpan(r.labelSpan, delta), cells: r.cells && cells(r.cells), found: cells(r.found), extra: cells(r.extra),
    })),
    groups: t.groups.map((g) => ({ ...g, span: moveTableSpan(g.span, delta) })),
    missing: t.missing.map((m) => ({ ...m, near: moveTableSpan(m.near, delta) })),
    truncatedAt: t.truncatedAt && moveTableSpan(t.truncatedAt, delta),
  };
  if (t.blocks) moved.blocks = t.blocks.map((b) => ({ ...b, span: moveTableSpan(b.span, delta) }));
  if (t.variants) moved.variants = t.variants.map((v) => ({ ...v, span: moveTableSpan(v.span, delta) }));
  return moved;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
