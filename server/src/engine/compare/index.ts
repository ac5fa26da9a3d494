/**
 * This year's report against the same body's report of the year before: every table cell with its
 * change, rows found in one year only, the carry-over link, prose copied from last year, sentences still
 * naming last year, and sections added or missing. Reports of different format versions are compared on
 * the cells both versions have; the others are listed, not compared.
 */
import { bodyKey } from '../query/body';
import type { Report } from '../model';
import { carryOverLinks, compareCells } from './cells';
import { copiedParagraphs, staleYears } from './prose';
import { compareSections } from './sections';
import type { Comparison, ReportSide } from './types';

export type * from './types';
export { changeOf } from './cells';
export { maskNumbers, similarity, COPY_SIMILARITY } from './prose';

export interface CompareOptions {
  /** A change of more than this many per cent is a large swing (default 50). */
  readonly threshold?: number;
}

export const DEFAULT_THRESHOLD = 50;

function side(report: Report): ReportSide {
  if (report.content !== 'text') return { body: null, year: null, version: null };
  const body = bodyKey(report);
  return { body: body === '' ? null : body, year: report.year?.value ?? null, version: report.version.used };
}

export function compareReports(previous: Report, current: Report, options: CompareOptions = {}): Comparison {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const a = side(previous);
  const b = side(current);
  const notes: Comparison['notes'][number][] = [];
  if (a.year !== null && b.year !== null && a.year !== b.year - 1) notes.push('not-consecutive');
  if (a.body !== null && b.body !== null && a.body !== b.body) notes.push('other-body');
  if (a.version !== null && b.version !== null && a.version !== b.version) notes.push('other-version');
  const readable = previous.content === 'text' && current.content === 'text';
  const cells = readable ? compareCells(previous, current, threshold) : { cells: [], rows: [], previousOnly: [], currentOnly: [] };
  return {
    previous: a,
    current: b,
    notes,
    threshold,
    cells: cells.cells,
    rows: cells.rows,
    unmatched: { previousOnly: cells.previousOnly, currentOnly: cells.currentOnly },
    carryOver: readable ? carryOverLinks(previous, current) : [],
    copiedParagraphs: readable ? copiedParagraphs(previous, current) : [],
    staleYears: readable ? staleYears(previous, current) : [],
    sections: readable ? compareSections(previous, current) : [],
  };
}
