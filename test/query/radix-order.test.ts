import { describe, expect, it } from 'vitest';
import { radixOrder } from '../../server/query/radix-order.ts';

/** A seeded generator (mulberry32): the same cases every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('radixOrder', () => {
  const r = rng(42);
  // ns durations with many ties and zeros, shares in [0, 1], ids past 2^32, and -0.
  const kinds: [string, () => number][] = [
    ['durations with ties', () => (r() < 0.3 ? 0 : Math.floor(r() * 50) * 1000)],
    ['large ns values', () => Math.floor(r() * 2 ** 45)],
    ['fractions', () => r()],
    ['ids past 2^32', () => 2 ** 33 + Math.floor(r() * 1e6)],
    ['zeros and -0', () => (r() < 0.5 ? -0 : 0)],
  ];
  for (const [name, gen] of kinds) {
    for (const desc of [false, true]) {
      it(`${name}, ${desc ? 'descending' : 'ascending'}: the order of a stable comparator sort`, () => {
        const n = 5000;
        const key = Array.from({ length: n }, gen);
        const items = Int32Array.from({ length: n }, (_, i) => (i * 7919) % n); // a permutation
        const want = Array.from(items).sort((a, b) => (desc ? key[b] - key[a] : key[a] - key[b]));
        expect(Array.from(radixOrder(items, (i) => key[i], desc))).toEqual(want);
      });
    }
  }

  it('keeps the incoming order between equal keys (ties by id when the rows come in id order)', () => {
    const items = Int32Array.from([5, 3, 9, 1, 7]);
    expect(Array.from(radixOrder(items, () => 1))).toEqual([5, 3, 9, 1, 7]);
    expect(Array.from(radixOrder(items, (i) => (i > 4 ? 1 : 0), true))).toEqual([5, 9, 7, 3, 1]);
  });

  it('refuses a negative or NaN key', () => {
    expect(() => radixOrder(Int32Array.from([1]), () => -1)).toThrow(RangeError);
    expect(() => radixOrder(Int32Array.from([1]), () => Number.NaN)).toThrow(RangeError);
  });
});
