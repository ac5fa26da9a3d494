/** Character tests by code unit, for loops that look at every character of a line (no expression per character). */

/** The units `\s` matches in a JavaScript regular expression (WhiteSpace and LineTerminator). */
export function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `\s`, `#`, `*` or `|`: what comes before a line's content (markdown marks, a stray pipe). */
export function isLeadUnit(c: number): boolean {
  return c === 0x23 || c === 0x2a || c === 0x7c || isSpaceUnit(c);
}

/** `\s`, `*` or `|`: what comes after a line's content. */
export function isTrailUnit(c: number): boolean {
  return c === 0x2a || c === 0x7c || isSpaceUnit(c);
}

/**
 * An expression that finds any of the words' first units in a text: a text without one holds none of the words,
 * so it is a cheap first test before a costlier search (`[总基概…]` before matching section keywords).
 */
export function firstUnitsOf(words: Iterable<string>): RegExp {
  const units = new Set<string>();
  for (const w of words) if (w) units.add(w[0]);
  return new RegExp(`[${[...units].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`);
}
