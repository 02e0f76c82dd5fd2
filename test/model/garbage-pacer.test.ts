import { describe, expect, it } from 'vitest';
import { GarbagePacer } from '../../server/model/collect-garbage.ts';

const MB = 1 << 20;

describe('GarbagePacer', () => {
  it('collects while waiting for the parse worker once 8 MB were read since the last collection', () => {
    const p = new GarbagePacer();
    for (let bytes = 0; bytes <= 64 * MB; bytes += MB / 2) p.idle(bytes);
    expect(p.collections).toBe(8);
  });

  it('collects at a generation end only after 16 MB without a collection', () => {
    const p = new GarbagePacer();
    p.sync(15 * MB);
    expect(p.collections).toBe(0);
    p.sync(16 * MB);
    expect(p.collections).toBe(1);
    p.idle(23 * MB);
    expect(p.collections).toBe(1);
    p.idle(24 * MB);
    p.sync(39 * MB);
    expect(p.collections).toBe(2);
  });
});
