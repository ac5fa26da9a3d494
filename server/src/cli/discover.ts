/**
 * From arguments to files. A file argument is checked as it is; a folder is searched recursively and checked
 * whole (issue 22): files matching the config's `files` globs (the editor's) are reports; every other `.txt`,
 * `.pdf`, `.docx`, `.html` and `.htm` file is identified by its content, never by its name — a plain file by
 * its opening lines (files/identify.ts), a published file by its converted text when it is checked — and one
 * that is not a report is listed as such (`file-not-report`). Other extensions are skipped unread. A glob picks
 * every file it matches. `--ignore` globs (relative to the working folder) skip files and whole folders.
 */
import { closeSync, openSync, readSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { globListMatcher, isGlob, matchesGlob } from '../config/glob';
import { toPosix, type ConfigResolver } from './config';
import { decode, type Decoded } from '../files/read';
import { isPublishedFile } from '../files/converted';
import { readsAsAnnualReport } from '../files/identify';

export interface Target {
  /** For standard input: `<stdin>` in the working folder (its config is the working folder's). */
  readonly abs: string;
  /** The path as shown in the output: as given, or the folder argument joined with the path found in it. */
  readonly display: string;
  /** The report is read from standard input (the argument `-`). */
  readonly stdin?: true;
  /** Found in a folder (not named): a published file without a report is listed as not a report, not an error. */
  readonly inFolder?: true;
  /** Found in a folder, and its opening lines do not read as a report: listed as such, not checked. */
  readonly notReport?: true;
}

/** How standard input is named in the output. */
export const STDIN_NAME = '<stdin>';

export interface Discovery {
  readonly files: readonly Target[];
  /** Arguments that name nothing readable, or match no file: each makes the run end with exit code 2. */
  readonly problems: readonly string[];
}

export interface DiscoverOptions {
  readonly cwd: string;
  readonly ignore: readonly string[];
  readonly resolver: ConfigResolver;
  /** `--stdin-filename`: standard input is this file (relative to the working folder) for the output, configs and ignores. */
  readonly stdinName?: string;
}

/** Folders never searched: version control, dependencies, hidden folders. */
function skippedDir(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

const SNIFF_BYTES = 16 * 1024;

/** The opening of a file, cut at a line end so that no multi-byte character is split. */
function readOpening(abs: string): Buffer {
  const fd = openSync(abs, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    if (n < SNIFF_BYTES) return buf.subarray(0, n);
    if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return buf.subarray(0, n - (n % 2));
    const eol = buf.lastIndexOf(0x0a);
    return buf.subarray(0, eol > 0 ? eol : n);
  } finally {
    closeSync(fd);
  }
}

/** Whether the opening lines read as an annual report: the one first look of files/identify.ts. */
export function looksLikeReport(abs: string): boolean {
  let decoded: Decoded;
  try {
    decoded = decode(readOpening(abs));
  } catch {
    return false;
  }
  return decoded.kind === 'text' && readsAsAnnualReport(decoded.text);
}

/** What a folder's search looks at; every other file (images, archives, spreadsheets) is skipped by its extension. */
const LOOKED_AT = /\.(txt|pdf|docx|html?)$/i;
/**
 * A Word 97–2003 or WPS file cannot be read at all (it gets `file-conversion`: save it as .docx or PDF), so its
 * content cannot say whether it is a report: only one whose name says so is taken, to tell the user.
 */
const LEGACY_REPORT_NAME = /年度报告|年报|政府信息公开|信息公开/;

/** The folder a glob starts from: its leading segments without glob characters. */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed = segments.slice(0, segments.findIndex(isGlob));
  return fixed.join('/') || (pattern.startsWith('/') ? '/' : '.');
}

export function discover(args: readonly string[], options: DiscoverOptions): Discovery {
  const { cwd, resolver } = options;
  // The editor's glob rules, VS Code's (config/glob.ts); a `!` glob takes back what the globs before it matched.
  const ignored = globListMatcher(options.ignore);
  /** A folder is also tested with a trailing slash, so that `drafts/**` skips the folder `drafts` whole. */
  const isIgnored = (abs: string, dir = false) => [toPosix(relative(cwd, abs)), toPosix(abs)].some((p) => ignored(p) || (dir && ignored(p + '/')));
  const files: Target[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (abs: string, display: string, found?: { inFolder: true; notReport?: true }) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push({ abs, display, ...found });
  };

  /** Every file under a folder, sorted, skipping ignored and hidden folders. */
  function* walk(dir: string): Generator<string> {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // Linked files are followed; linked folders are not (no cycles).
        try {
          isFile = statSync(abs).isFile();
        } catch {
          isFile = false;
        }
        isDir = false;
      }
      if (isIgnored(abs, isDir)) continue;
      if (isDir && !skippedDir(e.name)) yield* walk(abs);
      else if (isFile) yield abs;
    }
  }

  /**
   * What a file found in a folder is: a report (by the `files` globs, or a plain file whose opening reads as one),
   * a published file (known once converted, when it is checked), not a report, or not looked at (undefined).
   */
  function lookAt(abs: string, root: string): 'report' | 'published' | 'not-report' | undefined {
    const loaded = resolver.configFor(abs);
    const fromConfig = loaded.path !== null ? relative(loaded.dir, abs) : '';
    const rel = toPosix(fromConfig && !fromConfig.startsWith('..') ? fromConfig : relative(root, abs));
    if (globListMatcher(loaded.config.files)(rel)) return 'report';
    if (!LOOKED_AT.test(abs)) return isPublishedFile(abs) && LEGACY_REPORT_NAME.test(basename(abs)) ? 'published' : undefined;
    if (isPublishedFile(abs)) return 'published';
    return looksLikeReport(abs) ? 'report' : 'not-report';
  }

  for (const arg of args) {
    if (arg === '-') {
      const named = options.stdinName;
      const abs = named === undefined ? join(cwd, STDIN_NAME) : resolve(cwd, named);
      // A named standard input is ignored as that file would be (nothing is checked, as ESLint does).
      if (!seen.has(abs) && !(named !== undefined && isIgnored(abs))) files.push({ abs, display: named ?? STDIN_NAME, stdin: true });
      seen.add(abs);
      continue;
    }
    const abs = resolve(cwd, arg);
    let stat: Stats | undefined;
    try {
      stat = statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      if (!isIgnored(abs)) add(abs, arg);
      continue;
    }
    let found = 0;
    if (stat?.isDirectory()) {
      const looked: { abs: string; kind: 'report' | 'published' | 'not-report' }[] = [];
      for (const f of walk(abs)) {
        const kind = lookAt(f, abs);
        if (kind !== undefined) looked.push({ abs: f, kind });
      }
      // Files that are not reports are listed beside the reports; a folder with no report at all says so.
      if (looked.every((l) => l.kind === 'not-report')) {
        problems.push(`文件夹中没有找到年度报告 (no report files found in folder): ${arg}`);
        continue;
      }
      for (const l of looked) add(l.abs, join(arg, relative(abs, l.abs)), l.kind === 'not-report' ? { inFolder: true, notReport: true } : { inFolder: true });
      continue;
    }
    const pattern = toPosix(arg).replace(/^\.\//, '');
    if (!isGlob(pattern)) {
      problems.push(stat ? `不是文件或文件夹 (not a file or folder): ${arg}` : `找不到文件或文件夹 (no such file or folder): ${arg}`);
      continue;
    }
    const absolute = isAbsolute(arg);
    for (const f of walk(resolve(cwd, globBase(pattern)))) {
      if (matchesGlob(toPosix(absolute ? f : relative(cwd, f)), pattern)) {
        add(f, relative(cwd, f));
        found++;
      }
    }
    if (found === 0) problems.push(`通配符没有匹配到文件 (glob matched no files): ${arg}`);
  }
  return { files, problems };
}
