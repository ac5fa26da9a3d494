/**
 * A bounded memo for pure functions of short strings (label keys, cell readings, short labels). The same
 * texts repeat within a report and from one report to the next, so a few thousand entries hold nearly every
 * hit; at `limit` entries the memo starts afresh, so memory never grows with the texts read.
 */
export class BoundedMemo<T> {
  private readonly known = new Map<string, T>();

  constructor(private readonly limit: number) {}

  get(key: string): T | undefined {
    return this.known.get(key);
  }

  set(key: string, value: T): void {
    if (this.known.size >= this.limit && !this.known.has(key)) this.known.clear();
    this.known.set(key, value);
  }
}
