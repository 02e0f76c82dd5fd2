import { describe, expect, it } from 'vitest';
import { sortRowsById } from '../../server/query/group-index.ts';

/** Goroutine rows sorted by goroutine id (group member lists). */

// Row r's goroutine id; rows are 0..n-1.
const sorted = (rows: number[], ids: number[]) => [...rows].sort((a, b) => ids[a] - ids[b]);
function check(rows: number[], ids: number[]): void {
  const out = sortRowsById(Int32Array.from(rows), (r) => ids[r]);
  expect(Array.from(out)).toEqual(sorted(rows, ids));
}

let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

describe('sortRowsById', () => {
  it('leaves rows already in id order as they are', () => {
    check([0, 1, 2, 3, 4], [10, 20, 30, 40, 50]);
  });

  it('merges back the few rows seen after higher ids (the shape of a real trace: 1 18 … 22 4 3 5 …)', () => {
    // 16 of 400 rows out of place: under an eighth, so they are merged back rather than all sorted.
    const ids = [1, 18, 19, 20, 21, 22, 4, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 23, 24, 2];
    for (let id = 25; ids.length < 400; id++) ids.push(id === 300 ? 301 : id === 301 ? 300 : id);
    check(ids.map((_, i) => i), ids);
  });

  it('sorts the whole list when more than an eighth of it is out of place (a reversed list)', () => {
    const ids = Array.from({ length: 100 }, (_, i) => 1000 - i);
    check(ids.map((_, i) => i), ids);
  });

  it('matches a full sort on random lists with 0 to 30 % of rows displaced', () => {
    for (const share of [0, 0.001, 0.01, 0.1, 0.13, 0.3]) {
      const n = 5000;
      const ids = Array.from({ length: n }, (_, i) => i * 3 + 1);
      for (let k = 0; k < n * share; k++) {
        const a = Math.floor(rnd() * n);
        const b = Math.floor(rnd() * n);
        [ids[a], ids[b]] = [ids[b], ids[a]];
      }
      // A subset of rows in a shuffled order, like one group's members.
      const rows = ids.map((_, i) => i).filter(() => rnd() < 0.7);
      check(rows, ids);
    }
  });

  it('handles an empty list and a single row', () => {
    check([], []);
    check([0], [5]);
  });

  it('puts a stray that belongs first or last in place', () => {
    check([0, 1, 2, 3], [5, 6, 7, 1]);
    check([0, 1, 2, 3], [5, 9, 6, 7]);
  });
});
