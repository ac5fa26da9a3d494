/**
 * Incremental checks of one document: what a version can take from the version checked before it.
 *
 * An edit changes one stretch of the text; everything before it and after it is the same text, at the
 * same offsets before it and moved by the edit's length after it. The text both versions share is found
 * once per version (common head and tail), and a line that lies wholly in it, with a margin of context on
 * either side, holds the same text as a line of the previous version. A per-line result (a heading, the
 * line's sentences, the statements they make) is a function of that text and of a few report-wide inputs
 * that the caller compares (the section, the year): such a line takes the previous version's result, moved
 * by the offset delta, instead of reading the line again. Nothing else is carried over: tables, sections
 * and the rules are read afresh from the lines, so an incremental result is the full check's result.
 *
 * The server keeps one `CheckCache` per open document and passes it to `check`/`parseReport`; the CLI,
 * the tests and the benchmarks check without one.
 */
import { splitLines, splitLinesInto, type Line } from '../text/lines';
import { foldText } from '../text/normalize';
import type { ParsedTable, Report } from '../model';
import type { FormatVersion, TableId } from '../template/types';

/**
 * Characters around a line that a per-line reader may look at beyond the line itself (a count's reader
 * looks four characters back for 约/近/超过, whatever the line): a line within this distance of the edit
 * is read again.
 */
const CONTEXT = 8;

/** The per-line results a version keeps for the next one, by kind: indexed by line, undefined where not read. */
export type LineResults<V> = (V | undefined)[];

/** What a table's reading rests on: the template, the lines of its region and whether the region ends the text. */
export interface TableRead {
  readonly template: FormatVersion;
  /** The region's first and last lines (parse/layouts Region). */
  readonly region: { readonly from: number; readonly to: number };
  readonly atEnd: boolean;
  readonly table: ParsedTable | null;
}

/** One checked version of the document. */
export class Version {
  /** Per-line results by kind, indexed by this version's line numbers. */
  private readonly results = new Map<string, LineResults<unknown>>();

  constructor(
    readonly text: string,
    readonly folded: string,
    readonly lines: readonly Line[],
    /** The version before, and how its lines map onto this one's; null for the first version. */
    public previous: { readonly version: Version; readonly map: LineMap } | null,
  ) {}

  /** The tables this version read, with what their reading rested on (see parse/report.ts tableOf). */
  readonly tables = new Map<TableId, TableRead>();

  /** This version's results of one kind (created empty on first use). */
  resultsOf<V>(kind: string): LineResults<V> {
    let r = this.results.get(kind);
    if (!r) {
      r = [];
      this.results.set(kind, r);
    }
    return r as LineResults<V>;
  }

  /** The previous version's results of one kind, if it read them. */
  previousResultsOf<V>(kind: string): LineResults<V> | undefined {
    return this.previous?.version.results.get(kind) as LineResults<V> | undefined;
  }
}

/**
 * How the lines of a new version map onto the previous one: lines before `firstChanged` are the same lines
 * at the same offsets; lines after `lastChanged` are the previous version's lines `lineDelta` earlier, at
 * offsets `delta` earlier.
 */
export class LineMap {
  constructor(
    private readonly firstChanged: number,
    private readonly lastChanged: number,
    private readonly lineDelta: number,
    readonly delta: number,
  ) {}

  /** True for a line before the changed stretch (same index, same offsets). */
  before(index: number): boolean {
    return index < this.firstChanged;
  }

  /** True when lines `from`..`to` all lie on one side of the changed stretch (so all are unchanged). */
  unchanged(from: number, to: number): boolean {
    return to < this.firstChanged || from > this.lastChanged;
  }

  /** The previous version's line with the same text as line `index`, or -1 for a line the edit touched. */
  oldLine(index: number): number {
    if (index < this.firstChanged) return index;
    if (index > this.lastChanged) return index - this.lineDelta;
    return -1;
  }
}

/** Characters compared at once (natively) before the common head or tail is narrowed down one by one. */
const CHUNK = 256;

/** Length of the common head of two strings. */
function commonHead(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common tail of two strings, not overlapping a head of length `head`. */
function commonTail(a: string, b: string, head: number): number {
  const n = Math.min(a.length, b.length) - head;
  const al = a.length;
  const bl = b.length;
  let i = 0;
  while (i + CHUNK <= n && a.slice(al - i - CHUNK, al - i) === b.slice(bl - i - CHUNK, bl - i)) i += CHUNK;
  while (i < n && a.charCodeAt(al - 1 - i) === b.charCodeAt(bl - 1 - i)) i++;
  return i;
}

/** The first line for which `reached` holds (it holds for every line after it too): a binary search. */
function firstLine(lines: readonly Line[], reached: (line: Line) => boolean): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(lines[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** What a new version reads from the text: its folded text, its lines and what it shares with the last version. */
export interface VersionRead {
  readonly folded: string;
  readonly lines: Line[];
  readonly version: Version;
}

/** A document's versions, for `check(text, { cache })` and `parseReport(text, { cache })`. */
export class CheckCache {
  private last: Version | null = null;
  private previousReport: { readonly text: string; readonly report: Report } | null = null;

  /**
   * Read a new version of the document: fold and split only the stretch that changed since the last version
   * (folding is one unit for one unit and looks at nothing around a unit; lines outside the stretch, with a
   * margin of context, are the last version's lines, moved), and map its lines onto the last version's. The
   * last version's own link to the one before is dropped: only one version back is ever read.
   */
  read(text: string): VersionRead {
    const last = this.last;
    let folded: string;
    let lines: Line[];
    let previous: Version['previous'] = null;
    if (!last) {
      folded = foldText(text);
      lines = splitLines(folded);
    } else if (last.text === text) {
      last.previous = null;
      folded = last.folded;
      lines = [...last.lines];
      previous = { version: last, map: new LineMap(lines.length, lines.length - 1, 0, 0) };
    } else {
      last.previous = null;
      const head = commonHead(last.text, text);
      const tail = commonTail(last.text, text, head);
      folded = last.folded.slice(0, head) + foldText(text.slice(head, text.length - tail)) + last.folded.slice(last.folded.length - tail);
      const old = last.lines;
      const delta = text.length - last.text.length;
      // Old lines [0, k) lie before the change, old lines [m, end) after it; the lines between are split anew.
      // The first line whose end, with context, reaches the change; the first whose start, less the context and its
      // line break, is past it.
      const changedEnd = last.text.length - tail;
      const k = firstLine(old, (l) => l.end + CONTEXT >= head);
      const m = firstLine(old, (l) => l.start - CONTEXT - 1 >= changedEnd);
      const toEnd = m >= old.length;
      lines = splitLinesInto(folded, old[k].start, toEnd ? folded.length : old[m].start + delta, toEnd, old.slice(0, k));
      const lastChanged = lines.length - 1;
      for (let j = m; j < old.length; j++) {
        const l = old[j];
        lines.push({ index: lines.length, start: l.start + delta, end: l.end + delta, text: l.text });
      }
      previous = { version: last, map: new LineMap(k, lastChanged, lines.length - old.length, delta) };
    }
    const version = new Version(text, folded, lines, previous);
    this.last = version;
    return { folded, lines, version };
  }

  /** Last year's report, parsed once for as long as its text stays the same. */
  previousParsed(text: string, parse: (text: string) => Report): Report {
    if (this.previousReport?.text !== text) this.previousReport = { text, report: parse(text) };
    return this.previousReport.report;
  }
}

/** The version a report was parsed as, when it was parsed with a cache. */
const VERSION_OF = new WeakMap<Report, Version>();

export function attachVersion(report: Report, version: Version): void {
  VERSION_OF.set(report, version);
}

export function versionOf(report: Report): Version | undefined {
  return VERSION_OF.get(report);
}

/** How a per-line result is carried to its line's place in the next version, `delta` characters later. */
export type Move<V> = (value: V, delta: number, line: Line) => V;

/**
 * The per-line results of one kind for one version: `at(line, compute, holds)` gives the previous version's result
 * (moved when the line moved) when the line is unchanged and `holds`, if given, accepts it, else computes it;
 * either way it is recorded for the next version. Without a version (no cache) it only computes.
 */
export class PerLine<V> {
  private readonly mine: LineResults<V> | undefined;
  private readonly theirs: LineResults<V> | undefined;
  private readonly map: LineMap | undefined;

  constructor(version: Version | undefined, kind: string, private readonly move: Move<V>) {
    this.mine = version?.resultsOf<V>(kind);
    this.theirs = version?.previousResultsOf<V>(kind);
    this.map = version?.previous?.map;
  }

  /** `holds`: whether a carried result still holds here (`moved`: the line moved since); by default it does. */
  at(line: Line, compute: (line: Line) => V, holds?: (value: V, moved: boolean) => boolean): V {
    const mine = this.mine;
    if (!mine) return compute(line);
    let value: V | undefined;
    const old = this.theirs && this.map ? this.map.oldLine(line.index) : -1;
    const carried = old >= 0 ? (this.theirs as LineResults<V>)[old] : undefined;
    if (carried !== undefined) {
      const map = this.map as LineMap;
      const delta = map.before(line.index) ? 0 : map.delta;
      const moved = delta !== 0 || old !== line.index;
      if (!holds || holds(carried, moved)) value = moved ? this.move(carried, delta, line) : carried;
    }
    if (value === undefined) value = compute(line);
    mine[line.index] = value;
    return value;
  }
}
