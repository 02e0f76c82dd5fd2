import { describe, expect, it } from 'vitest';
import { SpanState } from '../../shared/states.ts';
import { counterBucketAt, lastAtOrBefore, markerIndexAt, spanIndexAt } from '../../web/render/hit-test.ts';
import { counterLane, markersLane, spansLane } from './helpers/fake-chunks.ts';

describe('hit testing', () => {
  const lane = spansLane('g:1', [
    [0, 100, SpanState.Running],
    [100, 105, SpanState.Runnable],
    [200, 400, SpanState.Waiting],
  ]);

  it('finds the span under the pointer', () => {
    expect(spanIndexAt(lane, 50, 0)).toBe(0);
    expect(spanIndexAt(lane, 103, 0)).toBe(1);
    expect(spanIndexAt(lane, 399, 0)).toBe(2);
  });

  it('a gap is empty without slop and hits the nearest span with it', () => {
    expect(spanIndexAt(lane, 150, 0)).toBe(-1);
    expect(spanIndexAt(lane, 190, 20)).toBe(2);
    expect(spanIndexAt(lane, 110, 20)).toBe(1);
    expect(spanIndexAt(lane, 1000, 20)).toBe(-1);
  });

  it('a short span nested in a long one (STW in a GC mark phase) wins', () => {
    const gc = spansLane(
      'gc',
      [
        [0, 1000, SpanState.GCMark],
        [10, 20, SpanState.STW],
        [900, 950, SpanState.STW],
      ],
      { label: [0, 1, 1] },
    );
    expect(spanIndexAt(gc, 15, 0)).toBe(1);
    expect(spanIndexAt(gc, 500, 0)).toBe(0);
    expect(spanIndexAt(gc, 925, 0)).toBe(2);
  });

  it('markers and counter buckets', () => {
    const m = markersLane('net', [10, 50, 90]);
    expect(markerIndexAt(m, 52, 5)).toBe(1);
    expect(markerIndexAt(m, 70, 5)).toBe(-1);
    const c = counterLane('stats:goroutines', [0, 100, 200], { running: [[1, 2, 3], [1, 2, 3]] });
    expect(counterBucketAt(c, 150)).toBe(1);
    expect(counterBucketAt(c, 5000)).toBe(2);
    expect(counterBucketAt(c, -1)).toBe(-1);
  });

  it('binary search helper', () => {
    expect(lastAtOrBefore([1, 3, 3, 7], 3)).toBe(2);
    expect(lastAtOrBefore([1, 3, 3, 7], 0)).toBe(-1);
    expect(lastAtOrBefore([1, 3, 3, 7], 100)).toBe(3);
  });
});
