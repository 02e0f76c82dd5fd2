import { describe, expect, it } from 'vitest';
import { StackTable } from '../../server/trace/stack-table.ts';
import { StringTable } from '../../server/trace/string-table.ts';

/** Stacks interned by content across generations. */

describe('StackTable.internStack', () => {
  it('gives equal frame lists one id and different ones different ids (id 0 stays "no stack")', () => {
    const t = new StackTable(new StringTable());
    const a = t.internStack([3, 1, 2]);
    expect(a).toBeGreaterThan(0);
    expect(t.internStack(Int32Array.of(3, 1, 2))).toBe(a);
    const b = t.internStack([3, 1]);
    const empty = t.internStack([]);
    expect(new Set([a, b, empty, 0]).size).toBe(4);
    expect(t.internStack([])).toBe(empty);
    expect(Array.from(t.frames(a))).toEqual([3, 1, 2]);
  });

  it('keeps two stacks whose frame hashes collide apart', () => {
    // FNV-1a over two frames: pick the second frame of another stack so both hash alike.
    const P = 0x01000193;
    const seed = 0x811c9dc5 ^ 2;
    const [a0, a1, b0] = [7, 11, 8];
    const b1 = (Math.imul(seed ^ a0, P) ^ a1 ^ Math.imul(seed ^ b0, P)) >>> 0;
    const fnv = (f: number[]) => f.reduce((h, x) => Math.imul(h ^ x, P), seed);
    expect(fnv([b0, b1])).toBe(fnv([a0, a1]));
    expect(b1).toBeLessThan(2 ** 31); // a frame id, as an Int32Array holds it
    const t = new StackTable(new StringTable());
    const a = t.internStack([a0, a1]);
    const b = t.internStack([b0, b1]);
    const c = t.internStack([b0 + 1, (Math.imul(seed ^ a0, P) ^ a1 ^ Math.imul(seed ^ (b0 + 1), P)) >>> 0]);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(t.internStack([b0, b1])).toBe(b);
    expect(t.internStack([a0, a1])).toBe(a);
    expect(t.internStack([b0 + 1, Array.from(t.frames(c))[1]])).toBe(c);
  });
});
