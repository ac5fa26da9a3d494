/**
 * Glob patterns of `.xxgkrc.json` `ignore[].file`: `**` crosses folders, `*` and `?` do not,
 * `{a,b}` picks one. Compiled once to a regular expression without nested quantifiers.
 */
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  let out = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      out += slashAfter ? '(?:[^/]*/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{' && !inBraces) { inBraces = true; out += '(?:'; }
    else if (c === '}' && inBraces) { inBraces = false; out += ')'; }
    else if (c === ',' && inBraces) out += '|';
    else out += c.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  if (inBraces) out += ')';
  const re = new RegExp(`^${out}$`, 'u');
  cache.set(glob, re);
  return re;
}

/** Whether a `/`-separated path matches the glob (a leading `./` on either is ignored). */
export function matchesGlob(path: string, glob: string): boolean {
  const clean = (s: string) => s.replace(/\\/g, '/').replace(/^\.\//, '');
  return globToRegExp(clean(glob)).test(clean(path));
}
