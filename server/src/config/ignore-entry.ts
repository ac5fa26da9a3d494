/**
 * "Ignore here in .xxgkrc.json" (STYLE §3: suppression outside the report): which `.xxgkrc.json` gets the
 * `{rule, file, row, column}` entry (the one the checker reads for the document, the nearest walking up, or a
 * new one in the workspace folder, the document's own folder outside any workspace), and the one insertion that
 * adds it, the rest of the file kept as written. A config file that is not valid gets nothing: the checker
 * ignores it whole, so an entry written there would silence nothing.
 */
import { dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import { appendIgnore, newConfigText } from './append-ignore';
import { CONFIG_FILE_NAME, findUpward } from './lookup';
import { fileLayer } from './resolve';
import type { Suppression } from './schema';
import type { SuppressionSubject } from './suppress';

export interface ConfigFileAccess {
  /** A file's current text on disk, or undefined when there is none. */
  readFile(path: string): string | undefined;
  /** The file-system paths of the workspace folders, first folder first. */
  workspaceFolders(): readonly string[];
  /**
   * False while the workspace is untrusted: its `.xxgkrc.json` is not read then, so no entry is offered for it
   * (nor a new file created) until trust is granted. Default: trusted.
   */
  trusted?(): boolean;
}

export interface ConfigTarget {
  readonly path: string;
  /** The file's text, or undefined when it is to be created. */
  readonly text: string | undefined;
}

/** Where the entry goes: a new file with its whole text, or one insertion at an offset of the existing one. */
export type IgnoreInsertion =
  | { readonly kind: 'create'; readonly path: string; readonly text: string }
  | { readonly kind: 'insert'; readonly path: string; readonly fileText: string; readonly offset: number; readonly text: string };

const toPosix = (p: string) => p.split(sep).join(posix.sep);

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The `.xxgkrc.json` the checker would read (as resolve.ts looks: nearest upward; untitled: the first folder's),
 * else where to create one.
 */
export function configTarget(subject: SuppressionSubject, files: ConfigFileAccess): ConfigTarget | null {
  if (files.trusted?.() === false) return null;
  const folders = files.workspaceFolders();
  if (subject.path === null) {
    const first = folders[0];
    if (first === undefined) return null;
    const path = join(first, CONFIG_FILE_NAME);
    return { path, text: files.readFile(path) };
  }
  // Read afresh, not from the checker's cache: the entry is inserted into the file's current text.
  const found = findUpward(dirname(subject.path), (dir): ConfigTarget | undefined => {
    const path = join(dir, CONFIG_FILE_NAME);
    const text = files.readFile(path);
    return text === undefined ? undefined : { path, text };
  });
  if (found) return found;
  const holding = folders.filter((f) => isInside(f, subject.path!)).sort((a, b) => b.length - a.length)[0];
  return { path: join(holding ?? dirname(subject.path), CONFIG_FILE_NAME), text: undefined };
}

/** The entry silencing a finding: its rule, the document relative to the config's folder, its row and column. */
export function suppressionFor(
  finding: { readonly code: string; readonly target?: { readonly row?: string; readonly column?: string } },
  subject: SuppressionSubject,
  configPath: string,
): Suppression {
  const file = subject.path === null ? subject.name : toPosix(relative(dirname(configPath), subject.path));
  const entry: { rule: string; file: string; row?: string; column?: string } = { rule: finding.code, file };
  if (finding.target?.row !== undefined) entry.row = finding.target.row;
  if (finding.target?.column !== undefined) entry.column = finding.target.column;
  return entry;
}

/** The insertion adding `entry` to the config file, or null when the file is not valid. */
export function ignoreInsertion(target: ConfigTarget, entry: Suppression): IgnoreInsertion | null {
  if (target.text === undefined) return { kind: 'create', path: target.path, text: newConfigText(entry) };
  if (fileLayer(target.text).layer === null) return null;
  const insertion = appendIgnore(target.text, entry);
  if (!insertion) return null;
  return { kind: 'insert', path: target.path, fileText: target.text, offset: insertion.offset, text: insertion.text };
}
