import { describe, expect, it } from 'vitest';
import { IntMap } from '../../server/model/int-map.ts';

describe('IntMap', () => {
  it('gets, overwrites and deletes a key; an absent key reads -1', () => {
    const m = new IntMap();
    expect(m.get(7)).toBe(-1);
    m.set(7, 0);
    m.set(7, 42);
    expect([m.get(7), m.size]).toEqual([42, 1]);
    m.delete(7);
    m.delete(7);
    expect([m.get(7), m.size]).toEqual([-1, 0]);
  });

  it('matches a Map through 50 000 random sets and deletes, growing past its first 64 slots', () => {
    const m = new IntMap();
    const ref = new Map<number, number>();
    let seed = 5;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let step = 0; step < 50000; step++) {
      // Keys like the range builder's (row × 8 + name): clustered, often consecutive.
      const key = rnd(400) * 8 + rnd(3);
      if (rnd(3) !== 0) {
        m.set(key, step);
        ref.set(key, step);
      } else {
        m.delete(key);
        ref.delete(key);
      }
      if (step % 997 === 0) for (let k = 0; k < 3200; k++) expect(m.get(k)).toBe(ref.get(k) ?? -1);
    }
    expect(m.size).toBe(ref.size);
    for (const [k, v] of ref) expect(m.get(k)).toBe(v);
  });

  it('keeps every key findable when deletions shift entries back across the table end', () => {
    const m = new IntMap();
    // Enough keys to collide and wrap in a 64-slot table (at most 32 before it grows).
    const keys = Array.from({ length: 31 }, (_, i) => i * 64 + 63);
    keys.forEach((k, i) => m.set(k, i));
    for (let i = 0; i < keys.length; i += 2) m.delete(keys[i]);
    keys.forEach((k, i) => expect(m.get(k)).toBe(i % 2 === 0 ? -1 : i));
  });
});
