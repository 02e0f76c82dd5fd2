import { describe, expect, it } from 'vitest';
import { keyHash, SpanMerger } from '../../server/query/span-merger.ts';

/** Spans narrower than a pixel merge into one span per pixel, coloured by the key that covers most of it. */
describe('SpanMerger', () => {
  it('a pixel with a few keys keeps the heaviest (state, aux, aux2) and the count of spans', () => {
    const m = new SpanMerger(100);
    m.add(0, 10, 1, 7, 1);
    m.add(10, 45, 2, 8, 1);
    m.add(45, 55, 1, 7, 1);
    m.add(55, 65, 1, 7, 1);
    const c = m.finish('lane', 'goroutine', 'group');
    expect(c.count).toBe(1);
    expect(Array.from(c.arrays.state)).toEqual([2]);
    expect(Array.from(c.arrays.goroutine)).toEqual([8]);
    expect(Array.from(c.arrays.count)).toEqual([4]);
    expect([c.arrays.startNs[0], c.arrays.endNs[0]]).toEqual([0, 65]);
  });

  it('a pixel holding 200 000 goroutines (a proc lane past its busy pyramid) picks the same winner as a linear search, first of equals', () => {
    // Goroutine 150 000 runs 3 ns, everyone else 1 or 2 ns; goroutines 7 and 9 tie at 2 ns before it.
    const m = new SpanMerger(1e9);
    let t = 0;
    for (let g = 0; g < 200_000; g++) {
      const d = g === 150_000 ? 3 : g === 7 || g === 9 ? 2 : 1;
      m.add(t, t + d, 1, g, g % 5);
      t += d;
    }
    // A second visit of goroutine 9 makes it the heaviest (2 + 2 ns), found through the map.
    m.add(t, t + 2, 1, 9, 4);
    const c = m.finish('lane', 'goroutine', 'group');
    expect(c.count).toBe(1);
    expect(Array.from(c.arrays.goroutine)).toEqual([9]);
    expect(Array.from(c.arrays.group)).toEqual([4]);
    expect(Array.from(c.arrays.count)).toEqual([200_001]);
  });

  it('a crowded pixel tells apart keys that differ only in state, in group or past 2^32, every one visited twice', () => {
    // 400 000 keys: ids past 2^32, two states each, groups by id; hashes of that many keys collide.
    const m = new SpanMerger(1e12);
    let t = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let g = 0; g < 200_000; g++) {
        for (const state of [1, 2]) {
          m.add(t, t + 1, state, 2 ** 33 + g, g % 3);
          t += 1;
        }
      }
    }
    // One more visit of (state 2, id 2^33 + 77 777): the only key with 3 ns.
    m.add(t, t + 1, 2, 2 ** 33 + 77_777, 77_777 % 3);
    const c = m.finish('lane', 'goroutine', 'group');
    expect(Array.from(c.arrays.goroutine)).toEqual([2 ** 33 + 77_777]);
    expect(Array.from(c.arrays.state)).toEqual([2]);
    expect(Array.from(c.arrays.count)).toEqual([800_001]);
  });

  it('two keys with the same hash in a crowded pixel keep separate weights', () => {
    // Find two (goroutine, group) keys that hash alike (birthday: ~37 pairs among 400 000 keys).
    const seen = new Map<number, [number, number]>();
    let a: [number, number] | null = null;
    let b: [number, number] | null = null;
    for (let g = 0; g < 1000 && a === null; g++) {
      for (let k = 0; k < 400 && a === null; k++) {
        const h = keyHash(1, g, k);
        const other = seen.get(h);
        if (other !== undefined) [a, b] = [other, [g, k]];
        else seen.set(h, [g, k]);
      }
    }
    expect(a).not.toBeNull();
    const m = new SpanMerger(1e9);
    for (let g = 0; g < 40; g++) m.add(g, g + 0.5, 1, 1_000_000 + g, 999); // past the linear search
    // a: 1 + 1 + 1 ns, b: 2.5 ns in between (b becomes the newest entry of the shared hash).
    m.add(100, 101, 1, a![0], a![1]);
    m.add(101, 103.5, 1, b![0], b![1]);
    m.add(104, 105, 1, a![0], a![1]);
    m.add(105, 106, 1, a![0], a![1]);
    const c = m.finish('lane', 'goroutine', 'group');
    expect([c.arrays.goroutine[0], c.arrays.group[0]]).toEqual(a);
  });

  it('after a crowded pixel the next pixel starts with no keys of the last one', () => {
    const m = new SpanMerger(1000);
    for (let g = 0; g < 100; g++) m.add(g, g + 1, 1, g, 0);
    m.add(1500, 1501, 3, 5, 0);
    const c = m.finish('lane', 'goroutine', 'group');
    expect(c.count).toBe(2);
    expect(Array.from(c.arrays.goroutine)).toEqual([0, 5]);
    expect(Array.from(c.arrays.state)).toEqual([1, 3]);
  });
});
