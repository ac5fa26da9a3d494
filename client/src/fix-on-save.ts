/**
 * `editor.codeActionsOnSave` with the report's fix-all turned on, keeping whatever else the user had there. The
 * setting is an object of kind → "explicit" | "always" | "never" (booleans in older versions) or, in its older
 * form, an array of kinds. Pure: unit-tested.
 */
export function withFixAllOnSave(current: unknown, kind: string): Record<string, unknown> | string[] {
  if (Array.isArray(current)) {
    const kinds = current.filter((k): k is string => typeof k === 'string');
    return kinds.includes(kind) ? kinds : [...kinds, kind];
  }
  const base = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
  return { ...base, [kind]: 'explicit' };
}
