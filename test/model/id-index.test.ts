import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../server/model/id-index.ts';

function internAll(ids: number[]): { index: IdIndex; copy: number[] } {
  const index = new IdIndex();
  const copy: number[] = [];
  for (const id of ids) if (index.intern(id) === copy.length) copy.push(id);
  return { index, copy };
}

describe('IdIndex.freeze', () => {
  it('finds every id through ascending runs after dropping its tables (goroutines in creation order)', () => {
    // Runs like a real trace's: ids first seen out of order at the start, then ascending; huge ids hashed.
    const ids = [1, 18, 19, 20, 4, 3, 5, 6, 2 ** 40, 7, ...Array.from({ length: 5000 }, (_, i) => 100 + 3 * i), 50, 60];
    const { index, copy } = internAll(ids);
    index.freeze({ at: (i) => copy[i] });
    copy.forEach((id, i) => expect(index.get(id)).toBe(i));
    for (const missing of [0, 2, 8, 101, 2 ** 40 + 1, 99999, -1]) expect(index.get(missing)).toBe(-1);
  });

  it('keeps its tables when the ids are in too many runs, and still finds every id', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? 10_000 - i : i));
    const { index, copy } = internAll(ids);
    index.freeze({ at: (i) => copy[i] });
    copy.forEach((id, i) => expect(index.get(id)).toBe(i));
    expect(index.get(123_456)).toBe(-1);
  });

  it('refuses new ids once frozen', () => {
    const { index, copy } = internAll([5, 6]);
    index.freeze({ at: (i) => copy[i] });
    expect(() => index.intern(7)).toThrow(/freeze/);
  });

  it('gives back every id by index, direct and hashed, before freezing (it keeps no id column of its own)', () => {
    const ids = [3, 2 ** 40, 0, 2 ** 21, 17, 2 ** 53 - 1, ...Array.from({ length: 3000 }, (_, i) => 2 ** 22 + 7 * i), 1 << 20];
    const { index, copy } = internAll([...ids, 3, 2 ** 40]);
    expect(Array.from(index.idsByIndex().toFloat64())).toEqual(copy);
    expect(copy).toEqual(ids);
  });
});
