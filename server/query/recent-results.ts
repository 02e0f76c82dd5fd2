/**
 * The last few results of an expensive query, by key, most recently used
 * kept. The profiles page asks for the same profile again when the user
 * switches kinds back and forth or downloads what is on screen; rebuilding a
 * whole-trace scheduler-latency profile of the 68 MB bench trace takes
 * 360 ms, a cached one costs only its JSON encoding.
 */
export class RecentResults<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
