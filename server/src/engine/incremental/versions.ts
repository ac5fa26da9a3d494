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
import type { Line } from '../text/lines';
import type { Report } from '../model';

/**
 * Characters around a line that a per-line reader may look at beyond the line itself (a count's reader
 * looks four characters back for 约/近/超过, whatever the line): a line within this distance of the edit
 * is read again.
 */
const CONTEXT = 8;

/** The per-line results a version keeps for the next one, by kind. */
export type LineResults<V> = (V | undefined)[];

/** One checked version of the document. */
export class Version {
  /** Per-line results by kind, indexed by this version's line numbers. */
  private readonly results = new Map<string, LineResults<unknown>>();

  constructor(
    readonly text: string,
    readonly folded: string,
    readonly lineCount: number,
    /** The version before, and how its lines map onto this one's; null for the first version. */
    public previous: { readonly version: Version; readonly map: LineMap } | null,
  ) {}

  /** This version's results of one kind (created empty on first use). */
  resultsOf<V>(kind: string): LineResults<V> {
    let r = this.results.get(kind);
    if (!r) {
      r = [];
      this.results.set(kind, r);
    }
    return r as LineResults<V>;
  }

  /** The previous version's result of this kind for line `index` of this version, with the offset delta. */
  carried<V>(kind: string, index: number): { readonly value: V; readonly delta: number; readonly moved: boolean } | undefined {
    const p = this.previous;
    if (!p) return undefined;
    const old = p.map.oldLine(index);
    if (old < 0) return undefined;
    const value = p.version.results.get(kind)?.[old] as V | undefined;
    if (value === undefined) return undefined;
    const delta = p.map.before(index) ? 0 : p.map.delta;
    return { value, delta, moved: delta !== 0 || old !== index };
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

  /** The previous version's line with the same text as line `index`, or -1 for a line the edit touched. */
  oldLine(index: number): number {
    if (index < this.firstChanged) return index;
    if (index > this.lastChanged) return index - this.lineDelta;
    return -1;
  }
}

/** Length of the common head of two strings. */
function commonHead(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common tail of two strings, not overlapping a head of length `head`. */
function commonTail(a: string, b: string, head: number): number {
  const n = Math.min(a.length, b.length) - head;
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The first line whose end (with context) reaches `offset`. Lines are in offset order. */
function firstLineReaching(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].end + CONTEXT >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The last line whose start (with context) comes before `offset`. */
function lastLineBefore(lines: readonly Line[], offset: number): number {
  let lo = -1;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start - CONTEXT < offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A document's versions, for `check(text, { cache })` and `parseReport(text, { cache })`. */
export class CheckCache {
  private last: Version | null = null;
  private previousReport: { readonly text: string; readonly report: Report } | null = null;

  /**
   * The folded text of `text`, folding only what changed since the last version (folding is one unit for
   * one unit and looks at nothing around a unit, so the unchanged head and tail fold as they did).
   */
  fold(text: string, foldText: (s: string) => string): { folded: string; head: number; tail: number } {
    const last = this.last;
    if (!last) return { folded: foldText(text), head: 0, tail: 0 };
    if (last.text === text) return { folded: last.folded, head: text.length, tail: 0 };
    const head = commonHead(last.text, text);
    const tail = commonTail(last.text, text, head);
    const middle = foldText(text.slice(head, text.length - tail));
    const folded = last.folded.slice(0, head) + middle + last.folded.slice(last.folded.length - tail);
    return { folded, head, tail };
  }

  /**
   * Start a new version of the document: its lines mapped onto the last version's. The last version's
   * own link to the one before is dropped (only one version back is ever read).
   */
  begin(text: string, folded: string, lines: readonly Line[], head: number, tail: number): Version {
    const last = this.last;
    let previous: Version['previous'] = null;
    if (last) {
      last.previous = null;
      const oldLines = last.lineCount;
      const changedEnd = text.length - tail;
      const firstChanged = head === text.length && last.text.length === text.length ? lines.length : firstLineReaching(lines, head);
      const lastChanged = Math.max(firstChanged - 1, lastLineBefore(lines, changedEnd + 1));
      previous = { version: last, map: new LineMap(firstChanged, lastChanged, lines.length - oldLines, text.length - last.text.length) };
    }
    const v = new Version(text, folded, lines.length, previous);
    this.last = v;
    return v;
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

/**
 * One per-line result of `kind` for `line`: the previous version's (moved by `move` when the line moved)
 * when `reusable` accepts it, else `compute`d; recorded in this version either way. Without a version (no
 * cache) it is simply computed.
 */
export function perLine<V>(
  version: Version | undefined, kind: string, line: Line, compute: (line: Line) => V,
  reuse: {
    /** Whether the previous result still holds here (`moved`: the line moved since). */
    readonly reusable?: (value: V, moved: boolean) => boolean;
    /** The previous result for the line at its new place, `delta` characters later. */
    readonly move: (value: V, delta: number, line: Line) => V;
  },
): V {
  if (!version) return compute(line);
  const carried = version.carried<V>(kind, line.index);
  let value: V;
  if (carried && (!reuse.reusable || reuse.reusable(carried.value, carried.moved))) {
    value = carried.moved ? reuse.move(carried.value, carried.delta, line) : carried.value;
  } else {
    value = compute(line);
  }
  version.resultsOf<V>(kind)[line.index] = value;
  return value;
}
