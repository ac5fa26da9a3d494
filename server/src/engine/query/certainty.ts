/**
 * What a blank cell holds, as far as the report's own identities tell (issue 23): the value an unattended fix may
 * write, or the values a person may be offered. The identities are the template's (spec §4.1), each instance
 * (identity × row or column) read as the rules read it: a number as written, a blank total whose sum is certain as
 * that sum, any other blank as 0.
 *
 * A blank is *certain* when
 * - an identity instance has it as its one unknown cell (the other cells are numbers, or blanks already certain):
 *   it is that difference (a blank part of a row with a known total and known other parts); or
 * - no identity determines it, the table writes its zeros as blanks, it is not a total, and no identity instance
 *   it takes part in is broken: it is 0.
 * and when writing every certain value leaves every instance that reads one of them holding, and breaks no
 * instance that held. A value that fails this is dropped with the instances' other certain cells, and the
 * plan is made again without them. Anything else stays blank; the values a broken instance would need are its
 * candidates (shown in a suggestion, never written unattended).
 */
import type { Cell, ParsedTable, Report, Span } from '../model';
import type { TableId } from '../template/types';
import { impliedTotalsOver, instancesOf, isTotalCell, type CellReader, type Instance } from './blank-total';
import { usableCellValuesOf, valueFitsColumn } from './cells';

/** Up to this many blanks (among written zeros) a table gets a finding per cell; beyond, blanks are how it writes zeros. */
export const PER_CELL_LIMIT = 3;

export interface CertainFill {
  readonly value: number;
  /** Other blanks whose certain values this one was derived from: a fix writing it writes them too. */
  readonly needs: readonly Cell[];
}

export interface TableCertainty {
  /** Blanks a safe fix may fill, with the one value the identities allow. */
  readonly fills: ReadonlyMap<Cell, CertainFill>;
  /** Blanks left open, with the values a broken identity instance would take them to. */
  readonly candidates: ReadonlyMap<Cell, readonly number[]>;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Whether the table writes its zeros as blanks: more blanks than a slip would leave, or blanks and no written 0. */
export function writesZerosAsBlanks(table: ParsedTable): boolean {
  let blanks = 0;
  let zeros = 0;
  for (const row of table.rows) {
    for (const c of row.cells ?? []) {
      if (c.kind === 'blank') blanks++;
      else if (c.kind === 'number' && c.value === 0) zeros++;
    }
  }
  return blanks > PER_CELL_LIMIT || (blanks > 1 && zeros === 0);
}

/** The instances whose cells were all located and usable, each with its cells. */
interface Located {
  readonly instance: Instance;
  readonly left: readonly Cell[];
  readonly right: readonly Cell[];
  readonly cells: ReadonlySet<Cell>;
}

function located(table: ParsedTable, instances: readonly Instance[]): Located[] {
  const cellAt = usableCellValuesOf(table);
  const out: Located[] = [];
  for (const instance of instances) {
    const left = instance.left.map((p) => cellAt(p.row, p.column));
    const right = instance.right.map((p) => cellAt(p.row, p.column));
    if (left.some((c) => !c) || right.some((c) => !c)) continue;
    out.push({ instance, left: left as Cell[], right: right as Cell[], cells: new Set([...left, ...right] as Cell[]) });
  }
  return out;
}

/** How the rules read the table's cells, with `writes` written over the blanks: a function from instance to whether it holds. */
function readingWith(table: ParsedTable, instances: readonly Instance[], writes: ReadonlyMap<Cell, number>): (l: Located) => boolean {
  const base = usableCellValuesOf(table);
  const cellAt: CellReader = (rowId, columnId) => {
    const c = base(rowId, columnId);
    if (!c) return null;
    const w = writes.get(c);
    return w === undefined ? c : { kind: 'number', value: w };
  };
  const implied = impliedTotalsOver(cellAt, instances);
  return (l) => {
    const side = (parts: Instance['left']) => {
      let s = 0;
      for (const p of parts) {
        const c = cellAt(p.row, p.column);
        if (!c) return NaN;
        s += c.kind === 'blank' && implied.certain.has(p.key) ? implied.values.get(p.key) ?? 0 : c.value ?? 0;
      }
      return round(s);
    };
    return side(l.instance.left) === side(l.instance.right);
  };
}

interface BlankCell {
  readonly cell: Cell;
  readonly rowId: string;
  readonly columnIndex: number;
  readonly total: boolean;
}

const CACHE = new WeakMap<Report, Map<TableId, TableCertainty>>();

/** The certain fills and the candidates of a table's blank cells (cached per report). */
export function certaintyOf(report: Report, tableId: TableId): TableCertainty {
  let perTable = CACHE.get(report);
  if (!perTable) CACHE.set(report, perTable = new Map<TableId, TableCertainty>());
  let known = perTable.get(tableId);
  if (!known) perTable.set(tableId, known = compute(report, tableId));
  return known;
}

function compute(report: Report, tableId: TableId): TableCertainty {
  const table = report.tables[tableId];
  const fills = new Map<Cell, CertainFill>();
  const candidates = new Map<Cell, number[]>();
  if (!table) return { fills, candidates };
  const blanks: BlankCell[] = [];
  for (const row of table.rows) {
    row.cells?.forEach((cell, i) => {
      if (cell.kind === 'blank') blanks.push({ cell, rowId: row.id, columnIndex: i, total: isTotalCell(report, tableId, row.id, row.columns[i].id) });
    });
  }
  if (!blanks.length) return { fills, candidates };
  const columnOf = new Map(blanks.map((b) => [b.cell, table.rows.find((r) => r.id === b.rowId)!.columns[b.columnIndex]]));
  const instances = instancesOf(report.template, tableId);
  const all = located(table, instances);
  const holdsBefore = readingWith(table, instances, new Map());
  const heldBefore = new Set(all.filter(holdsBefore));
  const inBroken = new Set<Cell>();
  for (const l of all) if (!heldBefore.has(l)) for (const c of l.cells) inBroken.add(c);
  const zeros = writesZerosAsBlanks(table);
  const excluded = new Set<Cell>();
  const isBlank = (c: Cell) => c.kind === 'blank';
  /**
   * One plan: zeros for the blanks outside `broken`, then each instance's one unknown as its difference; checked
   * against every instance, a contradicted value dropped with its instances' other values, planned again.
   */
  const planOutside = (broken: ReadonlySet<Cell>) => {
    for (let attempt = 0; attempt <= blanks.length; attempt++) {
      const plan = new Map<Cell, CertainFill>();
      /** Blanks read as the zeros the table writes as blanks. */
      const asZero = new Set<Cell>();
      for (const b of blanks) {
        if (!zeros || b.total || broken.has(b.cell) || excluded.has(b.cell)) continue;
        plan.set(b.cell, { value: 0, needs: [] });
        asZero.add(b.cell);
      }
      for (let changed = true; changed;) {
        changed = false;
        for (const l of all) {
          let unknown: Cell | null = null;
          let count = 0;
          for (const c of l.cells) if (isBlank(c) && !plan.has(c)) { unknown = c; count++; }
          if (count !== 1 || !unknown || excluded.has(unknown)) continue;
          const valueOf = (c: Cell) => (c === unknown ? 0 : isBlank(c) ? plan.get(c)!.value : c.value ?? 0);
          const sum = (cs: readonly Cell[]) => cs.reduce((s, c) => s + valueOf(c), 0);
          const diff = sum(l.right) - sum(l.left);
          const v = round(l.left.includes(unknown) ? diff : -diff);
          const fits = v >= 0 && valueFitsColumn({ ...unknown, kind: 'number', value: v }, columnOf.get(unknown)!);
          if (!fits) {
            excluded.add(unknown);
            continue;
          }
          plan.set(unknown, { value: v, needs: [] });
          changed = true;
        }
      }
      const holdsAfter = readingWith(table, instances, new Map([...plan].map(([c, f]) => [c, f.value])));
      const failed = all.filter((l) => (heldBefore.has(l) || [...l.cells].some((c) => plan.has(c))) && !holdsAfter(l));
      if (!failed.length) return { plan, asZero, holdsAfter };
      for (const l of failed) for (const c of l.cells) if (plan.has(c)) excluded.add(c);
    }
    return null;
  };
  // A certain value may mend a broken instance; its other blanks are then outside any broken instance and read as
  // the table's zeros: plan again with the instances the plan leaves broken. Zeros of the first plan are read as 0
  // whether written or not; later ones are written with the values that mended their instance.
  let broken: ReadonlySet<Cell> = inBroken;
  let firstZeros: ReadonlySet<Cell> | null = null;
  for (let stage = 0; stage < 4; stage++) {
    const planned = planOutside(broken);
    if (!planned) break;
    firstZeros ??= planned.asZero;
    const stillBroken = new Set<Cell>();
    for (const l of all) if (!planned.holdsAfter(l)) for (const c of l.cells) stillBroken.add(c);
    fills.clear();
    for (const [c, f] of componentsOf(planned.plan, firstZeros, all)) fills.set(c, f);
    if (stillBroken.size >= broken.size) break;
    broken = stillBroken;
  }
  // Candidates: for each broken instance, the value its one likely gap would need (a lone blank, or the one blank
  // of the instance whose table row carries a number other than 0).
  const rowHasNumber = new Map<string, boolean>();
  for (const row of table.rows) rowHasNumber.set(row.id, (row.cells ?? []).some((c) => c.kind === 'number' && c.value !== 0));
  const rowOf = new Map(blanks.map((b) => [b.cell, b.rowId]));
  for (const l of all) {
    if (heldBefore.has(l)) continue;
    const open = [...l.cells].filter((c) => c.kind === 'blank' && !fills.has(c));
    const likely = open.length === 1 ? open : open.filter((c) => rowHasNumber.get(rowOf.get(c) ?? ''));
    if (likely.length !== 1) continue;
    const gap = likely[0];
    const sum = (cs: readonly Cell[]) => cs.reduce((s, c) => s + (c === gap ? 0 : fills.get(c)?.value ?? c.value ?? 0), 0);
    const diff = sum(l.right) - sum(l.left);
    const v = round(l.left.includes(gap) ? diff : -diff);
    if (v < 0 || !valueFitsColumn({ ...gap, kind: 'number', value: v }, columnOf.get(gap)!)) continue;
    const list = candidates.get(gap) ?? [];
    if (!list.includes(v)) list.push(v);
    candidates.set(gap, list);
  }
  return { fills, candidates };
}

/**
 * The plan with each value's `needs`: the other derived values it shares an identity instance with, directly or
 * through others. Such values are written together or not at all: written alone, one would break the instance
 * that the other keeps holding (a row's blank part and its blank total). Zeros read as blanks need no writing.
 */
function componentsOf(plan: ReadonlyMap<Cell, CertainFill>, asZero: ReadonlySet<Cell>, all: readonly Located[]): Map<Cell, CertainFill> {
  const parent = new Map<Cell, Cell>();
  const find = (c: Cell): Cell => {
    let r = c;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(c, r);
    return r;
  };
  for (const c of plan.keys()) if (!asZero.has(c)) parent.set(c, c);
  for (const l of all) {
    let first: Cell | null = null;
    for (const c of l.cells) {
      if (!parent.has(c)) continue;
      if (!first) first = c;
      else parent.set(find(c), find(first));
    }
  }
  const members = new Map<Cell, Cell[]>();
  for (const c of parent.keys()) {
    const r = find(c);
    members.set(r, [...(members.get(r) ?? []), c]);
  }
  const withNeeds = (c: Cell, f: CertainFill): CertainFill => {
    if (asZero.has(c)) return f;
    return { value: f.value, needs: members.get(find(c))!.filter((x) => x !== c) };
  };
  return new Map([...plan].map(([c, f]) => [c, withNeeds(c, f)]));
}

/** A written cell of a fix: the table, the cell, and the number written. */
interface CellWrite {
  readonly tableId: TableId;
  readonly cell: Cell;
  readonly value: number | null;
}

const CELLS_BY_SPAN = new WeakMap<Report, Map<string, { tableId: TableId; cell: Cell }>>();

function cellsBySpan(report: Report): Map<string, { tableId: TableId; cell: Cell }> {
  let map = CELLS_BY_SPAN.get(report);
  if (!map) {
    map = new Map();
    for (const [id, t] of Object.entries(report.tables) as [TableId, ParsedTable | undefined][]) {
      for (const row of t?.rows ?? []) for (const cell of row.cells ?? []) map.set(`${cell.span.start}:${cell.span.end}`, { tableId: id, cell });
    }
    CELLS_BY_SPAN.set(report, map);
  }
  return map;
}

/** The table cells an edit list writes (edits elsewhere, such as an inserted heading, are not cell writes). */
function cellWrites(report: Report, edits: readonly { span: Span; newText: string }[]): CellWrite[] {
  const bySpan = cellsBySpan(report);
  const out: CellWrite[] = [];
  for (const e of edits) {
    const hit = bySpan.get(`${e.span.start}:${e.span.end}`);
    if (!hit) continue;
    const text = e.newText.trim();
    out.push({ ...hit, value: /^\d+(\.\d+)?$/.test(text) ? Number(text) : null });
  }
  return out;
}

/**
 * Whether a fix is certain: every table cell it writes is a blank given the one value the identities allow
 * (with the blanks that value was derived from), and, with its writes alone, every identity instance that reads a
 * written cell holds and none that held is broken. A fix that writes no table cell is not this module's concern.
 */
export function isCertainFix(report: Report, edits: readonly { span: Span; newText: string }[]): boolean {
  const writes = cellWrites(report, edits);
  if (!writes.length) return true;
  const byTable = new Map<TableId, Map<Cell, number>>();
  for (const w of writes) {
    if (w.cell.kind !== 'blank' || w.value === null) return false;
    const fill = certaintyOf(report, w.tableId).fills.get(w.cell);
    if (!fill || fill.value !== w.value) return false;
    let m = byTable.get(w.tableId);
    if (!m) byTable.set(w.tableId, m = new Map<Cell, number>());
    m.set(w.cell, w.value);
  }
  for (const [tableId, m] of byTable) {
    const fills = certaintyOf(report, tableId).fills;
    for (const c of m.keys()) if (fills.get(c)!.needs.some((n) => !m.has(n))) return false;
    const table = report.tables[tableId]!;
    const instances = instancesOf(report.template, tableId);
    const all = located(table, instances);
    const before = readingWith(table, instances, new Map());
    const after = readingWith(table, instances, m);
    for (const l of all) {
      if ((before(l) || [...l.cells].some((c) => m.has(c))) && !after(l)) return false;
    }
  }
  return true;
}

/** The numbers a fix writes into table cells, as written: what a suggestion made of an uncertain fix shows. */
export function writtenValues(report: Report, edits: readonly { span: Span; newText: string }[]): string[] {
  return cellWrites(report, edits).map((w) => (w.value === null ? w.cell.raw : String(w.value)));
}
