/**
 * From arguments to files. A file argument is checked as it is; a folder is searched recursively and checked
 * whole (issue 22): files matching the config's `files` globs (the editor's) are reports; every other `.txt`,
 * `.pdf`, `.docx`, `.html` and `.htm` file is identified by its content, never by its name — a plain file by
 * its opening lines (files/identify.ts), a published file by its converted text when it is checked — and one
 * that is not a report is listed as such (`file-not-report`). Other extensions are skipped unread. A glob picks
 * every file it matches. `--ignore` globs (relative to the working folder) skip files and whole folders.
 */
import { existsSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { globListMatcher, isGlob, matchesGlob } from '../config/glob';
import { toPosix, type ConfigResolver } from './config';
import { looksLikeReport, openError } from '../files/read';
import { isPublishedFile } from '../files/converted';

export interface Target {
  /** For standard input: `<stdin>` in the working folder (its config is the working folder's). */
  readonly abs: string;
  /** The path as shown in the output: as given, or the folder argument joined with the path found in it. */
  readonly display: string;
  /** The report is read from standard input (the argument `-`). */
  readonly stdin?: true;
  /** Found but not readable (a locked folder, a symbolic link loop): checked as one error-level finding. */
  readonly unreadable?: Unreadable;
  /** Found in a folder (not named): a published file without a report is listed as not a report, not an error. */
  readonly inFolder?: true;
  /** Found in a folder, and its opening lines do not read as a report: listed as such, not checked. */
  readonly notReport?: true;
}

/** Why a folder or a file found in a folder cannot be read: the message key and the system's words. */
export interface Unreadable {
  readonly key: 'file-unreadable' | 'file-unreadable.folder' | 'file-unreadable.loop';
  readonly error: string;
}

function unreadableOf(error: unknown, folder: boolean): Unreadable {
  const code = (error as NodeJS.ErrnoException).code;
  const text = error instanceof Error ? error.message : String(error);
  return { key: code === 'ELOOP' ? 'file-unreadable.loop' : folder ? 'file-unreadable.folder' : 'file-unreadable', error: text };
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
  const add = (abs: string, display: string, found: Omit<Target, 'abs' | 'display' | 'stdin'> = {}) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push({ abs, display, ...found });
  };

  /** A file found, or a folder or linked file that could not be read (listed with a finding, never skipped). */
  type Found = { readonly abs: string; readonly unreadable?: Unreadable };

  /** Every file under a folder, sorted, skipping ignored and hidden folders. */
  function* walk(dir: string): Generator<Found> {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      yield { abs: dir, unreadable: unreadableOf(error, true) };
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      let broken: Unreadable | undefined;
      if (e.isSymbolicLink()) {
        // Linked files are followed; linked folders are not (no cycles).
        try {
          isFile = statSync(abs).isFile();
        } catch (error) {
          isFile = false;
          broken = unreadableOf(error, false);
        }
        isDir = false;
      }
      if (isIgnored(abs, isDir)) continue;
      if (isDir && !skippedDir(e.name)) yield* walk(abs);
      else if (isFile) yield { abs };
      else if (broken) yield { abs, unreadable: broken };
    }
  }

  /**
   * What a file found in a folder is: a report (by the `files` globs, or a plain file whose opening reads as one),
   * a published file (known once converted, when it is checked), not a report, or not looked at (undefined).
   */
  function lookAt(found: Found, root: string): 'report' | 'published' | 'not-report' | undefined {
    const { abs } = found;
    // A folder that cannot be read may hold reports: it is listed with its error.
    if (found.unreadable?.key === 'file-unreadable.folder') return 'report';
    const loaded = resolver.configFor(abs);
    const fromConfig = loaded.path !== null ? relative(loaded.dir, abs) : '';
    const rel = toPosix(fromConfig && !fromConfig.startsWith('..') ? fromConfig : relative(root, abs));
    if (globListMatcher(loaded.config.files)(rel)) return 'report';
    if (!LOOKED_AT.test(abs)) return isPublishedFile(abs) && LEGACY_REPORT_NAME.test(basename(abs)) ? 'published' : undefined;
    // A file that cannot be opened (or a link that leads nowhere) cannot be told apart from a report: it is listed with its error.
    if (found.unreadable !== undefined || openError(abs) !== undefined) return 'report';
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
    } catch (error) {
      stat = undefined;
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
        problems.push(`符号链接形成循环 (symbolic link loop): ${arg}`);
        continue;
      }
    }
    if (stat?.isFile()) {
      if (!isIgnored(abs)) add(abs, arg);
      continue;
    }
    let found = 0;
    if (stat?.isDirectory()) {
      const looked: { found: Found; kind: 'report' | 'published' | 'not-report' }[] = [];
      let rootUnreadable = false;
      for (const f of walk(abs)) {
        if (f.abs === abs && f.unreadable) {
          problems.push(`无法读取文件夹 (cannot read folder): ${arg}: ${f.unreadable.error}`);
          rootUnreadable = true;
          break;
        }
        const kind = lookAt(f, abs);
        if (kind !== undefined) looked.push({ found: f, kind });
      }
      if (rootUnreadable) continue;
      // Files that are not reports are listed beside the reports; a folder with no report at all says so.
      if (looked.every((l) => l.kind === 'not-report')) {
        problems.push(`文件夹中没有找到年度报告 (no report files found in folder): ${arg}`);
        continue;
      }
      for (const { found: f, kind } of looked) {
        add(f.abs, join(arg, relative(abs, f.abs)), {
          inFolder: true,
          ...(kind === 'not-report' ? { notReport: true as const } : {}),
          ...(f.unreadable ? { unreadable: f.unreadable } : {}),
        });
      }
      continue;
    }
    const pattern = toPosix(arg).replace(/^\.\//, '');
    if (!isGlob(pattern)) {
      problems.push(stat ? `不是文件或文件夹 (not a file or folder): ${arg}` : `找不到文件或文件夹 (no such file or folder): ${arg}`);
      continue;
    }
    const absolute = isAbsolute(arg);
    const base = resolve(cwd, globBase(pattern));
    for (const f of walk(base)) {
      // The glob's base folder itself: missing is no match; there but unreadable is said.
      if (f.abs === base && f.unreadable) {
        if (existsSync(base)) problems.push(`无法读取文件夹 (cannot read folder): ${globBase(pattern)}: ${f.unreadable.error}`);
        break;
      }
      // A folder under the glob's base that cannot be read may hold matching files.
      if (f.unreadable?.key === 'file-unreadable.folder' || matchesGlob(toPosix(absolute ? f.abs : relative(cwd, f.abs)), pattern)) {
        add(f.abs, relative(cwd, f.abs), f.unreadable ? { unreadable: f.unreadable } : {});
        found++;
      }
    }
    if (found === 0) problems.push(`通配符没有匹配到文件 (glob matched no files): ${arg}`);
  }
  return { files, problems };
}
