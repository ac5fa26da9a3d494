/**
 * "Ignore here in .xxgkrc.json" (issue 5; STYLE §3 suppression outside the report): a quick fix whose
 * WorkspaceEdit appends `{rule, file, row, column}` to `ignore` of the `.xxgkrc.json` the checker reads for
 * the document (the nearest one walking up), or creates one in the workspace folder (the document's own
 * folder outside any workspace). The rest of the file is kept as written: the edit is one insertion
 * (config/append-ignore.ts). A config file that is not valid is left alone (no action): the checker ignores it whole, so an
 * entry written there would silence nothing.
 */
import { dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { appendIgnore, newConfigText } from '../config/append-ignore';
import { CONFIG_FILE_NAME, fileLayer } from '../config/resolve';
import type { Suppression } from '../config/schema';
import type { SuppressionSubject } from '../config/suppress';
import type { Finding } from '../engine';

export interface IgnoreEnvironment {
  /** A file's current text on disk, or undefined when there is none. */
  readFile(path: string): string | undefined;
  /** The file-system paths of the workspace folders, first folder first. */
  workspaceFolders(): readonly string[];
  /** What the client can apply: `documentChanges`, and creating a file. */
  readonly canVersionDocuments: boolean;
  readonly canCreateFiles: boolean;
  /**
   * False while the workspace is untrusted: its `.xxgkrc.json` is not read then, so no entry is offered for it
   * (nor a new file created) until trust is granted. Default: trusted.
   */
  trusted?(): boolean;
}

interface ConfigTarget {
  readonly path: string;
  /** The file's text, or undefined when it is to be created. */
  readonly text: string | undefined;
}

const toPosix = (p: string) => p.split(sep).join(posix.sep);

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The `.xxgkrc.json` the checker would read (as resolve.ts looks: nearest upward; untitled: the first folder's), else where to create one. */
export function configTarget(subject: SuppressionSubject, env: IgnoreEnvironment): ConfigTarget | null {
  if (env.trusted?.() === false) return null;
  const folders = env.workspaceFolders();
  if (subject.path === null) {
    const first = folders[0];
    if (first === undefined) return null;
    const path = join(first, CONFIG_FILE_NAME);
    return { path, text: env.readFile(path) };
  }
  for (let dir = dirname(subject.path); ; dir = dirname(dir)) {
    const path = join(dir, CONFIG_FILE_NAME);
    const text = env.readFile(path);
    if (text !== undefined) return { path, text };
    if (dirname(dir) === dir) break;
  }
  const holding = folders.filter((f) => isInside(f, subject.path!)).sort((a, b) => b.length - a.length)[0];
  return { path: join(holding ?? dirname(subject.path), CONFIG_FILE_NAME), text: undefined };
}

/** The entry silencing this finding: its rule, the document relative to the config's folder, its row and column. */
export function suppressionFor(finding: Finding, subject: SuppressionSubject, configPath: string): Suppression {
  const file = subject.path === null ? subject.name : toPosix(relative(dirname(configPath), subject.path));
  const entry: { rule: string; file: string; row?: string; column?: string } = { rule: finding.code, file };
  if (finding.target?.row !== undefined) entry.row = finding.target.row;
  if (finding.target?.column !== undefined) entry.column = finding.target.column;
  return entry;
}

/** The WorkspaceEdit adding `entry` to the config file, or null when the client cannot apply it or the file is not valid. */
export function ignoreEdit(target: ConfigTarget, entry: Suppression, env: IgnoreEnvironment): WorkspaceEdit | null {
  const uri = pathToFileURL(target.path).href;
  if (target.text === undefined) {
    if (!env.canVersionDocuments || !env.canCreateFiles) return null;
    const start = { line: 0, character: 0 };
    const create: CreateFile = { kind: 'create', uri, options: { ignoreIfExists: true } };
    const fill: TextDocumentEdit = { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: newConfigText(entry) }] };
    return { documentChanges: [create, fill] };
  }
  if (fileLayer(target.text).layer === null) return null;
  const insertion = appendIgnore(target.text, entry);
  if (!insertion) return null;
  const position = TextDocument.create(uri, 'json', 0, target.text).positionAt(insertion.offset);
  const edits = [{ range: { start: position, end: position }, newText: insertion.text }];
  return env.canVersionDocuments ? { documentChanges: [{ textDocument: { uri, version: null }, edits }] } : { changes: { [uri]: edits } };
}
