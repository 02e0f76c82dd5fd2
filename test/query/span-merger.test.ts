import { describe, expect, it } from 'vitest';
import { SpanMerger } from '../../server/query/span-merger.ts';

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
