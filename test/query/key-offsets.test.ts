import { describe, expect, it } from 'vitest';
import { KeyOffsets } from '../../server/query/key-offsets.ts';

/** Prefix sums of per-key row counts. */
const prefix = (counts: number[]) => Int32Array.from([0, ...counts.map((_, k) => counts.slice(0, k + 1).reduce((a, b) => a + b, 0))]);

describe('KeyOffsets', () => {
  it('keeps only the keys with rows when most keys have none (a million goroutines, a few with samples)', () => {
    const counts = Array.from({ length: 1000 }, (_, k) => (k % 97 === 3 ? 1 + (k % 5) : 0));
    const dense = prefix(counts);
    const o = KeyOffsets.from(dense);
    for (let k = 0; k < counts.length; k++) {
      expect(o.end(k) - o.begin(k)).toBe(counts[k]);
      if (counts[k] > 0) expect([o.begin(k), o.end(k)]).toEqual([dense[k], dense[k + 1]]);
    }
    expect(o.byteLength).toBeLessThan(dense.byteLength / 10);
  });

  it('stays dense when most keys have rows', () => {
    const counts = Array.from({ length: 100 }, (_, k) => (k % 3 === 0 ? 0 : 2));
    const dense = prefix(counts);
    const o = KeyOffsets.from(dense);
    for (let k = 0; k < counts.length; k++) expect([o.begin(k), o.end(k)]).toEqual([dense[k], dense[k + 1]]);
    expect(o.byteLength).toBe(dense.byteLength);
  });

  it('gives an empty range for every key of an empty table', () => {
    const o = KeyOffsets.from(new Int32Array(11));
    for (let k = 0; k < 10; k++) expect(o.end(k) - o.begin(k)).toBe(0);
  });
});
