/**
 * "Did you mean": the known words nearest a mistyped one, by edit distance (insertions, deletions,
 * substitutions and swaps of two neighbours each cost 1). Used for unknown CLI options, config keys and rule codes.
 */

/** Optimal string alignment distance between two strings, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[t.length];
}

/**
 * The candidates close enough to `word` to be what was meant, nearest first (at most `limit`): within a third
 * of the word's length, and at least 1 and at most 3 edits away; a candidate that starts with the word (a
 * prefix typed short) counts too. Nothing when the word is far from everything, or a single letter.
 */
export function closestMatches(word: string, candidates: Iterable<string>, limit = 1): string[] {
  // Two characters (`-x`) are too few to guess from.
  if (word.replace(/^-+/, '').length < 2) return [];
  const budget = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === word) continue;
    const distance = editDistance(word, candidate);
    const prefix = word.length >= 3 && candidate.toLowerCase().startsWith(word.toLowerCase());
    if (distance <= budget || prefix) scored.push({ candidate, distance: prefix ? Math.min(distance, budget) : distance });
  }
  scored.sort((x, y) => x.distance - y.distance || (x.candidate < y.candidate ? -1 : x.candidate > y.candidate ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.candidate);
}
