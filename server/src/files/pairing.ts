/**
 * Last year's report for `carry-over-mismatch`: the `--previous` file for every file checked,
 * or, without it, the checked file of the same body (bodyKey) and the year before. Each file is read and
 * parsed once to index it by body and year, so pairing stays linear in the number of files.
 */
import { pathToFileURL } from 'node:url';
import { bodyKey, readReportIdentity, type PreviousReport } from '../engine';
import { decode, readBounded } from './read';
import { convertedText, isPublishedFile, type ConvertedSource } from './converted';

/** A file as the pairing sees it: where it is and how it is shown (the CLI's targets are these). */
export interface Target {
  readonly abs: string;
  readonly display: string;
  readonly stdin?: true;
}

/** Last year's report as the CLI passes it on: the engine's options plus how to show the file. */
export interface PreviousFile {
  readonly abs: string;
  /** As shown in the output. */
  readonly display: string;
  readonly report: PreviousReport;
  /** A published file: where each line of its converted text came from (the page of a related location in it). */
  readonly converted?: ConvertedSource;
}

/**
 * The report text of a file: a plain file decoded, a published file (PDF, DOCX, HTML) converted (once: the
 * check of the same file takes the conversion kept here); undefined when it cannot be read, decoded or converted.
 */
export function readText(abs: string): string | undefined {
  if (isPublishedFile(abs)) return convertedText(abs)?.text;
  try {
    const read = readBounded(abs);
    if (read.kind === 'too-large') return undefined;
    const d = decode(read.bytes);
    return d.kind === 'text' ? d.text : undefined;
  } catch {
    return undefined;
  }
}

export function previousFile(abs: string, display: string, text: string): PreviousFile {
  return { abs, display, report: { text, uri: pathToFileURL(abs).href } };
}

const keyOf = (body: string, year: number) => `${year}\u0000${body}`;

/** The body and year a file reports on, the key of the pairing; none for a file that cannot be paired. */
export interface YearKey {
  readonly body: string;
  readonly year: number;
}

/** One file's key: read and parsed once (a worker can do this part of the pairing). */
export function yearKeyOf(target: Target): YearKey | undefined {
  // Standard input is read once, by the check: it is not paired. A published file is, by its converted text.
  if (target.stdin) return undefined;
  const text = readText(target.abs);
  if (text === undefined) return undefined;
  // Title and year only: the tables are read when the file is checked.
  const report = readReportIdentity(text);
  if (!report || !report.year) return undefined;
  const body = bodyKey(report);
  if (body === '') return undefined;
  return { body, year: report.year.value };
}

/** Where last year's report of a file is, when one of the files checked together is it. */
export type PreviousLocator = (target: Target) => { readonly abs: string; readonly display: string } | undefined;

/** The pairing from every file's key (`keys[i]` is the key of `files[i]`). */
export function pairFromKeys(files: readonly Target[], keys: readonly (YearKey | undefined)[]): PreviousLocator {
  const index = new Map<string, Target>();
  const byFile = new Map<string, YearKey>();
  files.forEach((t, i) => {
    const id = keys[i];
    if (!id) return;
    byFile.set(t.abs, id);
    const k = keyOf(id.body, id.year);
    const held = index.get(k);
    // A text report beside its published file (same body and year): the text is last year's report. Two
    // files of one kind with the same body and year: neither is taken (which one would be a guess).
    if (!held || held.abs === t.abs) index.set(k, t);
    else if (held.abs !== '' && isPublishedFile(held.abs) !== isPublishedFile(t.abs)) index.set(k, isPublishedFile(held.abs) ? t : held);
    else index.set(k, { abs: '', display: '' });
  });
  return (target) => {
    const id = byFile.get(target.abs);
    if (!id) return undefined;
    const other = index.get(keyOf(id.body, id.year - 1));
    return !other || other.abs === '' ? undefined : { abs: other.abs, display: other.display };
  };
}

/** Last year's report, read when asked, so that no text is held for the whole run. */
export function readPrevious(at: { readonly abs: string; readonly display: string } | undefined): PreviousFile | undefined {
  if (!at) return undefined;
  if (isPublishedFile(at.abs)) {
    const converted = convertedText(at.abs);
    return converted === undefined ? undefined : { ...previousFile(at.abs, at.display, converted.text), converted: converted.source };
  }
  const text = readText(at.abs);
  return text === undefined ? undefined : previousFile(at.abs, at.display, text);
}

/**
 * For several files checked together: a function giving each file the checked file of the same body and
 * the year before (read again when asked, so no text is held for the whole run).
 */
export function pairByYear(files: readonly Target[]): (target: Target) => PreviousFile | undefined {
  const locate = pairFromKeys(files, files.map(yearKeyOf));
  return (target) => readPrevious(locate(target));
}
