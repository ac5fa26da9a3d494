/**
 * Last year's report of a document's body, for `carry-over-mismatch`: among the open
 * documents and the `.txt` files of the document's folder. Files are read lazily and their body and year
 * are cached by path + mtime + size; open documents by URI + version. Each answer carries a `key` naming the
 * exact version it was read from, so the document cache never serves a result computed against a stale one.
 * It also records which documents depend on which, so that a change of the other file can refresh them.
 * A folder's listing and its files' stamps are trusted for `LISTING_TTL_MS` (a keystroke would otherwise list
 * the folder and stat every report in it: hundreds of calls in a reviewer's folder); a watched change of a file
 * (`diskChanged`) drops them at once. A published file (PDF, DOCX, HTML) of the folder is last year's report too
 * once it has been converted (by the workspace check or 「作为年报检查」): its conversion is read from the cache,
 * never made here, so a keystroke never waits for a converter (issue 22).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { bodyKey, parseReport, type PreviousReport, type Report } from '../engine';
import type { Converted } from '../convert';

/** Conversions already made (files/conversion-cache.ts), read without converting. */
export interface KnownConversions {
  peek(abs: string): Converted | undefined;
}

const PUBLISHED = /\.(pdf|docx|html?)$/i;

export interface FoundPrevious {
  readonly previous: PreviousReport;
  /** Changes whenever the other report's content may have changed (its version or mtime). */
  readonly key: string;
}

interface Identity {
  readonly body: string;
  readonly year: number;
}

interface DiskEntry {
  readonly stamp: string;
  readonly identity: Identity | null;
  readonly text: string;
}

/** How long a folder's listing and a file's stamp are used before they are read again. */
export const LISTING_TTL_MS = 2000;

/** Larger files are not reports worth reading for this. */
const MAX_BYTES = 2 * 1024 * 1024;

export function identityOf(report: Report): Identity | null {
  if (report.content !== 'text' || !report.year) return null;
  const body = bodyKey(report);
  return body ? { body, year: report.year.value } : null;
}

const folderOf = (uri: string): string | undefined => (uri.startsWith('file:') ? dirname(fileURLToPath(uri)) : undefined);

export class PreviousReports {
  private readonly disk = new Map<string, DiskEntry>();
  private readonly open = new Map<string, { version: number; identity: Identity | null }>();
  /** Other report URI → the documents whose last check used it. */
  private readonly dependents = new Map<string, Set<string>>();

  /** Folder → its `.txt` names, sorted, and when they were read. */
  private readonly listings = new Map<string, { readonly at: number; readonly names: readonly string[] }>();
  /** Path → its stamp (mtime and size; null: not a readable report file), and when it was read. */
  private readonly stamps = new Map<string, { readonly at: number; readonly stamp: string | null }>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    /** The clock (tests pass their own). */
    private readonly now: () => number = Date.now,
    private readonly conversions?: KnownConversions,
  ) {}

  /** A file changed, appeared or went away on disk (a watched-file event): its folder is listed again. */
  diskChanged(uri: string): void {
    const folder = folderOf(uri);
    if (folder) this.listings.delete(folder);
    if (uri.startsWith('file:')) this.stamps.delete(fileURLToPath(uri));
  }

  private namesIn(folder: string): readonly string[] {
    const hit = this.listings.get(folder);
    if (hit && this.now() - hit.at < LISTING_TTL_MS) return hit.names;
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => /\.txt$/i.test(n) || (this.conversions !== undefined && PUBLISHED.test(n))).sort();
    } catch {
      names = [];
    }
    this.listings.set(folder, { at: this.now(), names });
    return names;
  }

  private stampOf(path: string): string | null {
    const hit = this.stamps.get(path);
    if (hit && this.now() - hit.at < LISTING_TTL_MS) return hit.stamp;
    let stamp: string | null;
    try {
      const st = statSync(path);
      stamp = !st.isFile() || st.size > MAX_BYTES ? null : `${st.mtimeMs}:${st.size}`;
    } catch {
      stamp = null;
    }
    this.stamps.set(path, { at: this.now(), stamp });
    return stamp;
  }

  /** Last year's report for a document whose report reads as `report`; undefined when none is found. */
  find(uri: string, report: Report): FoundPrevious | undefined {
    this.forgetDependent(uri);
    const folder = folderOf(uri);
    const me = identityOf(report);
    if (!folder || !me) return undefined;
    const wanted = (id: Identity | null) => id !== null && id.body === me.body && id.year === me.year - 1;
    let found: FoundPrevious | undefined;
    const openUris = new Set<string>();
    for (const doc of this.documents.all()) {
      if (doc.uri === uri || folderOf(doc.uri) !== folder) continue;
      openUris.add(pathKey(doc.uri));
      if (!found && wanted(this.openIdentity(doc))) {
        found = { previous: { text: doc.getText(), uri: doc.uri }, key: `${doc.uri}#v${doc.version}` };
      }
    }
    if (!found) {
      for (const name of this.namesIn(folder)) {
        const path = join(folder, name);
        const other = pathToFileURL(path).href;
        if (pathKey(other) === pathKey(uri) || openUris.has(pathKey(other))) continue;
        const entry = this.diskEntry(path);
        if (entry && wanted(entry.identity)) {
          found = { previous: { text: entry.text, uri: other }, key: `${other}#${entry.stamp}` };
          break;
        }
      }
    }
    if (found) {
      const set = this.dependents.get(found.previous.uri) ?? new Set<string>();
      set.add(uri);
      this.dependents.set(found.previous.uri, set);
    }
    return found;
  }

  /** Whether a document was checked against this report (so a change of it should refresh diagnostics). */
  hasDependents(uri: string): boolean {
    return (this.dependents.get(uri)?.size ?? 0) > 0;
  }

  /** A document was closed. */
  forget(uri: string): void {
    this.open.delete(uri);
    this.forgetDependent(uri);
  }

  private forgetDependent(uri: string): void {
    for (const [other, set] of this.dependents) {
      set.delete(uri);
      if (set.size === 0) this.dependents.delete(other);
    }
  }

  private openIdentity(doc: TextDocument): Identity | null {
    const hit = this.open.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.identity;
    const identity = identityOf(parseReport(doc.getText()));
    this.open.set(doc.uri, { version: doc.version, identity });
    return identity;
  }

  private diskEntry(path: string): DiskEntry | undefined {
    if (PUBLISHED.test(path)) {
      const converted = this.conversions?.peek(path);
      if (!converted) return undefined;
      const hit = this.disk.get(path);
      if (hit && hit.text === converted.text) return hit;
      const entry: DiskEntry = { stamp: `converted:${converted.text.length}`, identity: identityOf(parseReport(converted.text)), text: converted.text };
      this.disk.set(path, entry);
      return entry;
    }
    const stamp = this.stampOf(path);
    if (stamp === null) return undefined;
    const hit = this.disk.get(path);
    if (hit && hit.stamp === stamp) return hit;
    let text: string;
    try {
      text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
    const entry: DiskEntry = { stamp, identity: identityOf(parseReport(text)), text };
    this.disk.set(path, entry);
    return entry;
  }
}

/** URIs compared as paths (clients differ in percent-encoding and drive-letter case). */
function pathKey(uri: string): string {
  try {
    return fileURLToPath(uri).toLowerCase();
  } catch {
    return uri;
  }
}
