import { describe, expect, it } from 'vitest';
import { OpenSlices } from '../../server/model/open-slices.ts';

/** The open execution slices of running goroutines, by goroutine row. */

describe('OpenSlices', () => {
  it('opens, finds and closes a slice with its start, proc and thread', () => {
    const s = new OpenSlices();
    expect(s.find(7)).toBe(-1);
    s.open(7, { timeNs: 1.5e10 }, 3, 5873);
    const k = s.find(7);
    expect([s.startNs(k), s.procOf(k), s.threadOf(k)]).toEqual([1.5e10, 3, 5873]);
    s.dropProc(k);
    expect(s.procOf(s.find(7))).toBe(-1);
    s.close(s.find(7));
    expect(s.find(7)).toBe(-1);
  });

  it('restarts a slice opened again, keeping one entry', () => {
    const s = new OpenSlices();
    s.open(1, { timeNs: 10 }, 0, 1);
    s.open(1, { timeNs: 20 }, 1, 2);
    const k = s.find(1);
    expect([s.startNs(k), s.procOf(k), s.threadOf(k)]).toEqual([20, 1, 2]);
    s.close(k);
    expect(s.find(1)).toBe(-1);
  });

  it('matches a map through thousands of random opens and closes, growing past its first 64 slots', () => {
    const s = new OpenSlices();
    const ref = new Map<number, [number, number, number]>();
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let step = 0; step < 20000; step++) {
      const g = rnd(300);
      if (rnd(2) === 0) {
        const v: [number, number, number] = [step * 1000, rnd(8), 5000 + rnd(4)];
        s.open(g, { timeNs: v[0] }, v[1], v[2]);
        ref.set(g, v);
      } else if (s.find(g) >= 0) {
        s.close(s.find(g));
        ref.delete(g);
      }
    }
    expect(ref.size).toBeGreaterThan(64);
    for (let g = 0; g < 300; g++) {
      const k = s.find(g);
      if (!ref.has(g)) expect(k).toBe(-1);
      else expect([s.startNs(k), s.procOf(k), s.threadOf(k)]).toEqual(ref.get(g));
    }
  });
});
