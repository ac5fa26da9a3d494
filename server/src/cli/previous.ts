/**
 * Last year's report for `carry-over-mismatch`: the `--previous` file for every file checked,
 * or, without it, the checked file of the same body (bodyKey) and the year before. Each file is read and
 * parsed once to index it by body and year, so pairing stays linear in the number of files.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { bodyKey, parseReport, type PreviousReport } from '../engine';
import type { Target } from './discover';
import { decode } from './read';
import { isPublishedFile } from '../convert/detect';

/** Last year's report as the CLI passes it on: the engine's options plus how to show the file. */
export interface PreviousFile {
  readonly abs: string;
  /** As shown in the output. */
  readonly display: string;
  readonly report: PreviousReport;
}

/** The decoded text of a file; undefined when it cannot be read or decoded. */
export function readText(abs: string): string | undefined {
  try {
    const d = decode(readFileSync(abs));
    return d.kind === 'text' ? d.text : undefined;
  } catch {
    return undefined;
  }
}

export function previousFile(abs: string, display: string, text: string): PreviousFile {
  return { abs, display, report: { text, uri: pathToFileURL(abs).href } };
}

const keyOf = (body: string, year: number) => `${year}\u0000${body}`;

/**
 * For several files checked together: a function giving each file the checked file of the same body and
 * the year before (read again when asked, so no text is held for the whole run).
 */
export function pairByYear(files: readonly Target[]): (target: Target) => PreviousFile | undefined {
  const index = new Map<string, Target>();
  const keys = new Map<string, { body: string; year: number }>();
  for (const t of files) {
    // A published file's raw bytes are not its text: it is not paired.
    if (isPublishedFile(t.abs)) continue;
    const text = readText(t.abs);
    if (text === undefined) continue;
    const report = parseReport(text);
    if (report.content !== 'text' || !report.year) continue;
    const body = bodyKey(report);
    if (body === '') continue;
    const id = { body, year: report.year.value };
    keys.set(t.abs, id);
    const k = keyOf(id.body, id.year);
    // Two files of the same body and year: neither is taken as the other reports' previous one.
    index.set(k, index.has(k) && index.get(k)!.abs !== t.abs ? { abs: '', display: '' } : t);
  }
  return (target) => {
    const id = keys.get(target.abs);
    if (!id) return undefined;
    const other = index.get(keyOf(id.body, id.year - 1));
    if (!other || other.abs === '') return undefined;
    const text = readText(other.abs);
    return text === undefined ? undefined : previousFile(other.abs, other.display, text);
  };
}
