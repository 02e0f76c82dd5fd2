/**
 * The search box's requests: a query is asked once typing pauses for
 * DEBOUNCE_MS (a search per key stroke would answer queries nobody reads),
 * and a newer query aborts the request of an older one, so an answer always
 * belongs to the text in the box. An Enter pressed before the answer to the
 * text is in (type "G12", Enter) waits for it and then shows its first result.
 */
import type { SearchHit } from '../../shared/search-api.ts';
import type { TraceApi } from '../data/api-client.ts';
import { chooseResult, INITIAL_SEARCH, searchResults, stepSearch, withResponse, type SearchKey, type SearchState } from './search-state.ts';
import { createStore, type Store } from './store.ts';

/** 120 ms: longer than the gap between key strokes of a typed word, short enough to feel immediate. */
export const DEBOUNCE_MS = 120;
/** Results asked per query: the list shows this many, and Enter steps through them. */
export const SEARCH_LIMIT = 100;

export class SearchLoader {
  readonly store: Store<SearchState> = createStore<SearchState>(INITIAL_SEARCH);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private abort: AbortController | null = null;
  /** An Enter typed before the answer: what shows the result once it is in. */
  private pendingShow: ((hit: SearchHit) => void) | null = null;

  constructor(private readonly api: Pick<TraceApi, 'search'>) {}

  open(): void {
    this.store.update((s) => ({ ...s, open: true }));
  }

  close(): void {
    this.store.update((s) => ({ ...s, open: false }));
  }

  /** A key in the box: steps through the results and calls `show` with the one it lands on (search-state.ts). */
  key(key: SearchKey, shiftKey: boolean, show: (hit: SearchHit) => void): void {
    const s = this.store.get();
    if (key === 'Enter' && s.query.trim() !== '' && s.response?.query !== s.query) {
      this.pendingShow = show;
      return;
    }
    this.apply(stepSearch(s, key, shiftKey), show);
  }

  /** A result clicked. */
  choose(index: number, show: (hit: SearchHit) => void): void {
    this.apply(chooseResult(this.store.get(), index), show);
  }

  private apply(step: { state: SearchState; show: number | null }, show: (hit: SearchHit) => void): void {
    this.store.set(step.state);
    if (step.show !== null) show(searchResults(step.state)[step.show]);
  }

  /**
   * The text in the box changed: the answer is asked after a pause. Resolves
   * when that answer (or nothing, for a blank query) is in; a query replaced
   * before its answer never resolves.
   */
  setQuery(query: string): Promise<void> {
    this.store.update((s) => ({ ...s, query, open: true }));
    if (this.timer) clearTimeout(this.timer);
    this.abort?.abort();
    this.abort = null;
    if (query.trim() === '') {
      this.store.update((s) => ({ ...s, status: 'idle', response: null, message: '', active: -1, shown: -1 }));
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.load(query).then(resolve);
      }, DEBOUNCE_MS);
    });
  }

  private async load(query: string): Promise<void> {
    const ctl = new AbortController();
    this.abort = ctl;
    this.store.update((s) => ({ ...s, status: 'loading' }));
    try {
      const r = await this.api.search(query, SEARCH_LIMIT, ctl.signal);
      if (ctl.signal.aborted) return;
      this.store.update((s) => withResponse(s, r));
      const show = this.pendingShow;
      this.pendingShow = null;
      if (show) this.key('Enter', false, show);
    } catch (e) {
      if (!ctl.signal.aborted) this.store.update((s) => ({ ...s, status: 'error', response: null, message: (e as Error).message ?? String(e) }));
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.abort?.abort();
  }
}
