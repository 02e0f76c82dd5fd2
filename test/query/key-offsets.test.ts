import { describe, expect, it } from 'vitest';
import { keyedRows } from '../../server/query/instant-index.ts';
import { KeyOffsets } from '../../server/query/key-offsets.ts';

/** The keys with rows and where their rows start, from per-key counts (KeyOffsets.fromRuns' input). */
function runsOf(counts: number[]): [Int32Array, Int32Array] {
  const keys: number[] = [];
  const starts: number[] = [];
  let at = 0;
  counts.forEach((c, k) => {
    if (c === 0) return;
    keys.push(k);
    starts.push(at);
    at += c;
  });
  starts.push(at);
  return [Int32Array.from(keys), Int32Array.from(starts)];
}

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

  it.each([
    ['sparse (a few of many keys have rows)', (k: number) => (k % 97 === 3 ? 1 + (k % 5) : 0)],
    ['dense (most keys have rows)', (k: number) => (k % 3 === 0 ? 0 : 2)],
    ['dense with the first and last keys empty', (k: number) => (k === 0 || k === 99 ? 0 : 1)],
  ])('fromRuns answers as from() does: %s', (_, count) => {
    const counts = Array.from({ length: 100 }, (_, k) => count(k));
    const [keys, starts] = runsOf(counts);
    const a = KeyOffsets.fromRuns(keys, starts, counts.length);
    const b = KeyOffsets.from(prefix(counts));
    for (let k = 0; k < counts.length; k++) expect([a.end(k) - a.begin(k), a.begin(k)], `key ${k}`).toEqual([counts[k], counts[k] > 0 ? b.begin(k) : a.begin(k)]);
    expect(a.byteLength).toBe(b.byteLength);
    expect(Array.from(a.keysWithRows())).toEqual(Array.from(keys));
    expect(Array.from(b.keysWithRows())).toEqual(Array.from(keys));
  });
});

describe('keyedRows', () => {
  /** Rows of each key in row order, by brute force. */
  const byKey = (keyOf: number[], keys: number) => Array.from({ length: keys }, (_, k) => keyOf.flatMap((kk, i) => (kk === k ? [i] : [])));

  it.each([
    ['few rows for many keys (sorted)', 40, 1000],
    ['many rows for few keys (counted)', 1000, 40],
  ])('groups rows by key in row order, leaving out keys outside the range: %s', (_, n, keys) => {
    let seed = 5;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const keyOf = Array.from({ length: n }, () => Math.floor(rnd() * (keys + 2)) - 1);
    const index = keyedRows(n, keys, (i) => keyOf[i]);
    const expected = byKey(keyOf, keys);
    for (let k = 0; k < keys; k++) expect(Array.from(index.rows.subarray(index.offsets.begin(k), index.offsets.end(k))), `key ${k}`).toEqual(expected[k]);
    expect(index.rows.length).toBe(keyOf.filter((k) => k >= 0 && k < keys).length);
  });
});
