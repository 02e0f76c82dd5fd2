import { describe, expect, it } from 'vitest';
import { RecentResults } from '../../server/query/recent-results.ts';

describe('RecentResults', () => {
  it('computes a key once while it stays among the most recently used', () => {
    const r = new RecentResults<number>(2);
    let calls = 0;
    const f = (v: number) => () => (calls++, v);
    expect(r.get('a', f(1))).toBe(1);
    expect(r.get('a', f(9))).toBe(1);
    expect(calls).toBe(1);
  });

  it('past its capacity it drops the least recently used key, not the oldest inserted', () => {
    const r = new RecentResults<string>(2);
    const seen: string[] = [];
    const f = (k: string) => () => (seen.push(k), k.toUpperCase());
    r.get('a', f('a'));
    r.get('b', f('b'));
    r.get('a', f('a')); // a is now more recent than b
    r.get('c', f('c')); // drops b
    expect(r.size).toBe(2);
    r.get('a', f('a'));
    r.get('b', f('b'));
    expect(seen).toEqual(['a', 'b', 'c', 'b']);
  });
});
