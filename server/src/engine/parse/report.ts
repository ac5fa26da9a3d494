/** text → Report: the one entry point of the parser. */
import { foldText, labelKey } from '../text/normalize';
import { detectEol, splitLines, type Line } from '../text/lines';
import { TEMPLATES, expectedVersion } from '../template';
import type { FormatVersion, TableId, Template } from '../template/types';
import type { Caption, Heading, ParsedTable, Report, Section, Span, SubHeading, VersionInfo } from '../model';
import { readCaption, readHeading, readSubHeading, readTitle, readYearFallback } from './sections';
import { TABLES, TABLE_IDS, type TableEntry } from '../template/tables';
import { findNarrativeNumbering } from './narrative';
import { readTable, unplacedTable, type Region } from './tables';
import { isProseField, splitFields } from './fields';
import { exceedsSizeLimit } from '../limits';
import { firstUnitsOf } from '../text/chars';
import { attachVersion, PerLine, type CheckCache, type TableRead, type Version } from '../incremental/versions';
import { moveSpan, moveTable } from '../incremental/move';

export interface ParseOptions {
  /** Force the format version instead of detecting it. */
  readonly version?: 'auto' | FormatVersion;
  /** The document's earlier versions (the server keeps one per open document): unchanged lines are not read again. */
  readonly cache?: CheckCache;
}

const BAD_UNITS = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]/g;

/** Text that is not a report at all: NUL bytes, or many control or replacement characters. */
function classifyContent(text: string): Report['content'] {
  if (exceedsSizeLimit(text)) return 'too-large';
  if (/^\s*$/.test(text)) return 'empty';
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.includes('\u0000')) return 'binary';
  // Control characters other than TAB, LF and CR, and replacement characters (counted by the regex engine).
  const bad = sample.match(BAD_UNITS)?.length ?? 0;
  return bad > sample.length * 0.05 ? 'binary' : 'text';
}

/** The tables whose regions hold the version markers (docs/format.md, "Telling the version"). */
const MARKED_TABLES: readonly TableId[] = TABLES.filter((t) => t.versionMarkers).map((t) => t.id);

const ALL_MARKERS = [...TEMPLATES['2019'].versionMarkers, ...TEMPLATES['2021'].versionMarkers];
/** A line holding a marker holds its first character: one expression passes over the lines that cannot. */
const MARKER_STARTS = firstUnitsOf(ALL_MARKERS);

function findAnchor(lines: readonly Line[], table: TableEntry, from: number, to: number): number {
  for (let i = from; i <= to && i < lines.length; i++) {
    if (lines[i].text.length > 400) continue;
    const lf = splitFields(lines[i]);
    if (lf.nonEmpty.some((f) => table.anchor(labelKey(f.text), lf.separated))) return i;
  }
  return -1;
}

/** Lines after a heading where its table's caption or first row is looked for. */
const TABLE_EVIDENCE_LINES = 12;

/**
 * Section headings numbered below their place (`一、主动公开政府信息情况`) that are the section they name by
 * what follows them: the table's caption (`表二：…`) or the table's own anchor within the next lines.
 */
function confirmedByTable(lines: readonly Line[], headings: readonly Heading[], captions: readonly Caption[]): Set<Heading> {
  const confirmed = new Set<Heading>();
  headings.forEach((h, i) => {
    const table = TABLES.find((t) => t.section === h.no);
    if (!table || !h.marker || h.marker.value === null || h.marker.value >= h.no) return;
    const end = Math.min(i + 1 < headings.length ? headings[i + 1].line - 1 : lines.length - 1, h.line + TABLE_EVIDENCE_LINES);
    if (captions.some((c) => c.no === h.no && c.line > h.line && c.line <= end) || findAnchor(lines, table, h.line + 1, end) >= 0) {
      confirmed.add(h);
    }
  });
  return confirmed;
}

function emptyReport(text: string, content: Report['content']): Report {
  const folded = foldText(text);
  const lines = splitLines(folded);
  return {
    text, folded, lines, eol: detectEol(text), title: null, year: null, headings: [], sections: [], tables: {},
    version: { used: '2021', observed: null, expected: null, markers: { '2019': [], '2021': [] } },
    template: TEMPLATES['2021'], tableLines: new Set(), content,
  };
}

/** What a report says about itself before its tables: headings, title and year. */
interface Opening {
  readonly folded: string;
  readonly lines: Line[];
  readonly headings: Heading[];
  readonly narrative: Report['narrative'];
  readonly title: ReturnType<typeof readTitle>;
  readonly year: Report['year'];
  readonly endOfSection: (h: Heading) => number;
  readonly captions: readonly Caption[];
  /** This version of the document, when parsed with a cache. */
  readonly version?: Version;
}

/** A heading read on an unchanged line, at the line's new place. */
function moveHeading(h: Heading | null, delta: number, line: Line): Heading | null {
  if (!h) return null;
  return {
    no: h.no, line: line.index, span: moveSpan(h.span, delta),
    marker: h.marker ? { span: moveSpan(h.marker.span, delta), text: h.marker.text, value: h.marker.value } : null,
    titleSpan: moveSpan(h.titleSpan, delta), title: h.title,
  };
}

/** Headings are told by the 2021 template's section keywords (the same in both versions). */
const headingOn = (line: Line): Heading | null => readHeading(line, TEMPLATES['2021']);

function readOpening(text: string, cache?: CheckCache): Opening {
  let folded: string;
  let version: Version | undefined;
  let lines: Line[];
  if (cache) {
    ({ folded, lines, version } = cache.read(text));
  } else {
    folded = foldText(text);
    lines = splitLines(folded);
  }
  const read: Heading[] = [];
  const headingsOf = new PerLine(version, 'heading', moveHeading);
  for (const line of lines) {
    const h = headingsOf.at(line, headingOn);
    if (h) read.push(h);
  }
  const captions: Caption[] = [];
  for (const line of lines) {
    const c = readCaption(line, TEMPLATES['2021']);
    if (c) captions.push(c);
  }
  const narrative = findNarrativeNumbering(lines, read, version, confirmedByTable(lines, read, captions));
  const headings = narrative ? read.filter((h) => !narrative.dropped.includes(h)) : read;
  const lastLine = lines.length - 1;
  // Headings are in line order: a section ends where the next heading starts.
  const nextHeadingLine = new Map<Heading, number>(
    headings.map((h, i) => [h, i + 1 < headings.length ? headings[i + 1].line : lastLine + 1]),
  );
  const endOfSection = (h: Heading): number => (nextHeadingLine.get(h) ?? lastLine + 1) - 1;
  const title = readTitle(lines, headings.length ? headings[0].line : lines.length);
  const first = headings.find((h) => h.no === 1);
  const year = title?.year && title.yearSpan
    ? { value: title.year, span: title.yearSpan }
    : readYearFallback(lines, first ? first.line : 0, first ? endOfSection(first) + 1 : Math.min(lines.length, 40));
  return { folded, lines, headings, narrative, title, year, endOfSection, captions, version };
}

/**
 * The headings, title and year of a report without reading its tables (a fraction of `parseReport`'s cost),
 * for telling a report file by its opening and pairing files by body and year; null for what is not text.
 */
export function readReportIdentity(text: string): Pick<Report, 'folded' | 'lines' | 'headings' | 'title' | 'year'> | null {
  if (classifyContent(text) !== 'text') return null;
  const { folded, lines, headings, title, year } = readOpening(text);
  return { folded, lines, headings, title: title ? { span: title.span, text: title.text } : null, year };
}

/**
 * A table of this version: the last version's reading when it rests on the same template and on the same lines,
 * none of them touched by the edit (moved with them), else read. The readers look at the region's lines only,
 * and at whether the region ends the text.
 */
function tableOf(
  version: Version | undefined, id: TableId, template: Template, lines: readonly Line[], region: Region,
): ParsedTable | null {
  const atEnd = region.to >= lines.length - 1;
  let table: ParsedTable | null | undefined;
  const previous = version?.previous;
  const old = previous?.version.tables.get(id);
  if (previous && old && old.template === template.version && old.atEnd === atEnd && previous.map.unchanged(region.from, region.to)
    && previous.map.oldLine(region.from) === old.region.from && previous.map.oldLine(region.to) === old.region.to) {
    const delta = previous.map.before(region.from) ? 0 : previous.map.delta;
    const lineDelta = region.from - old.region.from;
    table = !old.table || (delta === 0 && lineDelta === 0) ? old.table : moveTable(old.table, delta, lineDelta);
  }
  if (table === undefined) table = readTable(id, template, lines, region);
  if (version) version.tables.set(id, { template: template.version, region, atEnd, table } satisfies TableRead);
  return table;
}

export function parseReport(text: string, options: ParseOptions = {}): Report {
  const content = classifyContent(text);
  if (content !== 'text') return emptyReport(text, content);
  const { folded, lines, headings, narrative, title, year, endOfSection, captions, version } = readOpening(text, options.cache);
  const lastLine = lines.length - 1;

  // Table regions: the body of the section that holds the table, else from the table's own anchor.
  const regions: Partial<Record<TableId, Region>> = {};
  for (const table of TABLES) {
    const id = table.id;
    const h = headings.find((x) => x.no === table.section);
    if (h) {
      regions[id] = { from: h.line + 1, to: endOfSection(h) };
    } else {
      const at = findAnchor(lines, table, 0, lastLine);
      if (at >= 0) {
        const next = headings.find((x) => x.line > at);
        regions[id] = { from: at, to: next ? next.line - 1 : lastLine };
      }
    }
  }
  // A table whose section heading is missing may sit inside the previous section: cut that region.
  for (const id of TABLE_IDS) {
    const r = regions[id];
    if (!r) continue;
    for (const other of TABLE_IDS) {
      const o = regions[other];
      if (other === id || !o) continue;
      if (o.from > r.from && o.from <= r.to) regions[id] = { from: r.from, to: o.from - 1 };
    }
  }

  // Version markers, searched only in the regions of Tables 1 and 2 (docs/format.md, "Telling the version").
  const markers: Record<FormatVersion, Span[]> = { '2019': [], '2021': [] };
  for (const id of MARKED_TABLES) {
    const r = regions[id];
    if (!r) continue;
    for (let i = r.from; i <= r.to; i++) {
      if (lines[i].text.length > 400 || !MARKER_STARTS.test(lines[i].text)) continue;
      const lineKey = labelKey(lines[i].text);
      if (!ALL_MARKERS.some((m) => lineKey.includes(m))) continue;
      for (const f of splitFields(lines[i]).nonEmpty) {
        // A sentence naming a version's words is prose, not the table's header or row (a fragment's 二 in words).
        if (isProseField(f.text)) continue;
        const key = labelKey(f.text);
        for (const v of ['2019', '2021'] as FormatVersion[]) {
          if (TEMPLATES[v].versionMarkers.some((m) => key.includes(m))) markers[v].push({ start: f.start, end: f.end });
        }
      }
    }
  }
  const observedOf = (): VersionInfo['observed'] => (markers['2019'].length && markers['2021'].length
    ? 'mixed' : markers['2019'].length ? '2019' : markers['2021'].length ? '2021' : null);
  const observedBefore = observedOf();
  const expected = year ? expectedVersion(year.value) : null;
  const forced = options.version && options.version !== 'auto' ? options.version : null;
  const used: FormatVersion = forced
    ?? (observedBefore === '2019' || observedBefore === '2021' ? observedBefore
      : observedBefore === 'mixed' ? (markers['2019'].length > markers['2021'].length ? '2019' : '2021')
        : expected ?? '2021');
  const template = TEMPLATES[used];

  const tables: Partial<Record<TableId, ParsedTable>> = {};
  const tableLines = new Set<number>();
  for (const id of TABLE_IDS) {
    const r = regions[id];
    if (!r) continue;
    const t = tableOf(version, id, template, lines, r);
    if (!t) continue;
    tables[id] = t;
    // A row written in the other version's shape marks that version too (a 2019 （六）其他处理 row in 2021).
    for (const v of t.variants ?? []) markers[v.version].push(v.span);
    for (let i = t.firstLine; i <= t.lastLine; i++) tableLines.add(i);
  }
  // A table its caption announces but no reader found is unreadable, not missing: one table-unreadable, never silence.
  for (const c of captions) {
    const entry = TABLES.find((t) => t.section === c.no);
    if (!entry || tables[entry.id]) continue;
    const t = unplacedTable(entry.id, template, lines, c, regions[entry.id]);
    tables[entry.id] = t;
  }
  const observed = observedOf();

  const sections: Section[] = [];
  const seen = new Set<number>();
  for (const h of headings) {
    if (seen.has(h.no)) continue;
    seen.add(h.no);
    const end = endOfSection(h);
    const subHeadings: SubHeading[] = [];
    for (let i = h.line + 1; i <= end; i++) {
      if (tableLines.has(i)) continue;
      const sh = readSubHeading(lines[i]);
      if (sh) subHeadings.push(sh);
    }
    let endLine = end;
    while (endLine > h.line && lines[endLine].text.trim() === '') endLine--;
    sections.push({ no: h.no, heading: h, span: { start: h.span.start, end: lines[endLine].end }, subHeadings });
  }

  const report: Report = {
    text, folded, lines, eol: detectEol(text),
    title: title ? { span: title.span, text: title.text } : null,
    year, headings, sections, tables,
    version: { used, observed, expected, markers },
    template, tableLines, content, narrative, captions,
  };
  if (version) attachVersion(report, version);
  return report;
}
