import { describe, expect, it } from 'vitest';
import type { GoroutineListResponse } from '../../shared/api.ts';
import { GoroutineDirectory, PAGE_SIZE } from '../../web/state/goroutine-directory.ts';

function fakeApi(ids: number[]) {
  const requests: [string, number, number][] = [];
  return {
    requests,
    api: {
      goroutines: async (group: string, offset: number, limit: number): Promise<GoroutineListResponse> => {
        requests.push([group, offset, limit]);
        return { group, total: ids.length, offset, items: ids.slice(offset, offset + limit).map((id) => ({ id, group: 0, label: '', createdNs: 0, endNs: -1, execNs: 0 })) };
      },
    },
  };
}

describe('goroutine directory', () => {
  it('loads the page of a row when it is first asked for, once', async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => i * 3 + 1);
    const f = fakeApi(ids);
    const d = new GoroutineDirectory(f.api, [{ name: 'main.worker', count: ids.length, execNs: 0 }]);
    let notified = 0;
    d.subscribe(() => notified++);
    expect(d.get(0, 1234)).toBeUndefined();
    expect(d.get(0, 1240)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    expect(f.requests).toEqual([['main.worker', 1000, PAGE_SIZE]]);
    expect(d.get(0, 1234)?.id).toBe(ids[1234]);
    expect(notified).toBe(1);
  });

  it('finds a goroutine row by id with a binary search over pages', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => i * 2 + 5);
    const f = fakeApi(ids);
    const d = new GoroutineDirectory(f.api, [{ name: 'g', count: ids.length, execNs: 0 }]);
    expect(await d.findMember(0, ids[77_777])).toBe(77_777);
    expect(f.requests.length).toBeLessThanOrEqual(Math.ceil(Math.log2(ids.length / PAGE_SIZE)) + 1);
    expect(await d.findMember(0, 6)).toBe(-1);
    expect(await d.findMember(5, 7)).toBe(-1);
  });
});
