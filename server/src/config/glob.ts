/**
 * The one glob dialect of xxgk-report, VS Code's (the `files.exclude` globs), for `xxgk.files` and the config's
 * `files`, `.xxgkrc.json` `ignore[].file`, `--ignore` and the CLI's glob arguments, in the editor and the CLI
 * alike: `*` and `?` stay within a folder and match a leading dot, `**` crosses folders (none too),
 * `{a,b}` picks one, `[0-3]` and `[!0-3]` (or `[^0-3]`) match one character in or out of a set. Compiled by
 * picomatch, with its extensions VS Code does not have turned off (`@(…)`-style extglobs).
 *
 * A list of globs (`globListMatcher`) reads like .gitignore: a glob starting with `!` takes back what the globs
 * before it matched, and the last glob that matches a path decides.
 */
import picomatch from 'picomatch';

type Test = (path: string) => boolean;

const OPTIONS: picomatch.PicomatchOptions = { dot: true, noextglob: true, windows: false };

const cache = new Map<string, Test>();

/** Both separators are `/`; a leading `./` says nothing. */
function clean(s: string): string {
  return s.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** `[!…]` is VS Code's (and POSIX's) negated set; picomatch reads it only with extglobs on, so it is written `[^…]`. */
function vscodeSets(glob: string): string {
  return glob.replace(/(^|[^\\])\[!/g, '$1[^');
}

function compiled(glob: string): Test {
  let test = cache.get(glob);
  if (!test) {
    test = picomatch(vscodeSets(glob), OPTIONS);
    cache.set(glob, test);
  }
  return test;
}

/** Whether a `/`-separated path matches the glob (a leading `./` on either is ignored; a leading `!` negates). */
export function matchesGlob(path: string, glob: string): boolean {
  return compiled(clean(glob))(clean(path));
}

/** Whether the text holds a glob character (`*`, `?`, `[`, `{`), i.e. names files by pattern rather than one file. */
export function isGlob(text: string): boolean {
  return /[*?[{]/.test(text);
}

/**
 * One test for a list of globs: a path matches when the last glob that speaks about it is not a `!` glob.
 * With no `!` glob this is "matches any of them".
 */
export function globListMatcher(globs: readonly string[]): Test {
  const rules = globs.map((g) => {
    const negated = g.startsWith('!');
    return { negated, test: compiled(clean(negated ? g.slice(1) : g)) };
  });
  if (!rules.some((r) => r.negated)) return (path) => rules.some((r) => r.test(clean(path)));
  return (path) => {
    const p = clean(path);
    for (let i = rules.length - 1; i >= 0; i--) if (rules[i].test(p)) return !rules[i].negated;
    return false;
  };
}
