/**
 * The goroutines of each group, fetched a page at a time as their rows scroll
 * into view (the layout knows only counts). Members are in goroutine-id order
 * (the server's order), so a goroutine's row is found by a binary search over
 * pages.
 */
import type { GoroutineGroupInfo, GoroutineListItem } from '../../shared/api.ts';
import type { TraceApi } from '../data/api-client.ts';

export const PAGE_SIZE = 500;

export class GoroutineDirectory {
  private readonly pages = new Map<string, GoroutineListItem[] | Promise<GoroutineListItem[]>>();
  private readonly listeners = new Set<() => void>();
  version = 0;

  constructor(
    private readonly api: Pick<TraceApi, 'goroutines'>,
    private readonly groups: readonly GoroutineGroupInfo[],
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The goroutine at `member` of `group`, or undefined while its page loads (the load starts). */
  get(group: number, member: number): GoroutineListItem | undefined {
    const page = Math.floor(member / PAGE_SIZE);
    const p = this.pages.get(`${group}:${page}`);
    if (Array.isArray(p)) return p[member - page * PAGE_SIZE];
    if (!p) void this.load(group, page).catch(() => undefined);
    return undefined;
  }

  /** The page, loading it if needed. */
  load(group: number, page: number): Promise<GoroutineListItem[]> {
    const key = `${group}:${page}`;
    const have = this.pages.get(key);
    if (have) return Promise.resolve(have);
    const g = this.groups[group];
    if (!g) return Promise.resolve([]);
    const promise = this.api.goroutines(g.name, page * PAGE_SIZE, PAGE_SIZE).then(
      (r) => {
        this.pages.set(key, r.items);
        this.version++;
        for (const l of [...this.listeners]) l();
        return r.items;
      },
      (e: unknown) => {
        this.pages.delete(key);
        throw e;
      },
    );
    this.pages.set(key, promise);
    return promise;
  }

  /** Index of goroutine `id` in `group`, or -1 (pages are in id order: binary search). */
  async findMember(group: number, id: number): Promise<number> {
    const g = this.groups[group];
    if (!g) return -1;
    let lo = 0;
    let hi = Math.ceil(g.count / PAGE_SIZE) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const items = await this.load(group, mid);
      if (items.length === 0) return -1;
      if (id < items[0].id) hi = mid - 1;
      else if (id > items[items.length - 1].id) lo = mid + 1;
      else {
        const k = items.findIndex((it) => it.id === id);
        return k < 0 ? -1 : mid * PAGE_SIZE + k;
      }
    }
    return -1;
  }
}
