/**
 * The server's answers about what is selected: the detail of the selected
 * span and the summary of the selected time range. Each new selection aborts
 * the request of the previous one.
 */
import type { AnnotationDetail, SelectionSummary, SpanDetail } from '../../shared/api.ts';
import type { AnnotationKind } from '../../shared/lane-tracks.ts';
import type { TraceApi } from '../data/api-client.ts';
import { createStore, type Store } from './store.ts';

export type Loadable<T> = { status: 'idle' } | { status: 'loading' } | { status: 'done'; value: T } | { status: 'error'; message: string };

export interface DetailsState {
  span: Loadable<SpanDetail | null>;
  spanKey: string | null;
  /** The selected region, CPU sample or log (a span selection with an item). */
  item: Loadable<AnnotationDetail | null>;
  itemKey: string | null;
  range: Loadable<SelectionSummary>;
  rangeKey: string | null;
}

type Slot = 'span' | 'item' | 'range';
type ValueOf<S extends Slot> = DetailsState[S] extends Loadable<infer T> ? T : never;
const KEY_OF = { span: 'spanKey', item: 'itemKey', range: 'rangeKey' } as const;

export class DetailsStore {
  readonly store: Store<DetailsState> = createStore<DetailsState>({ span: { status: 'idle' }, spanKey: null, item: { status: 'idle' }, itemKey: null, range: { status: 'idle' }, rangeKey: null });
  private readonly aborts: Partial<Record<Slot, AbortController>> = {};

  constructor(private readonly api: Pick<TraceApi, 'span' | 'selection' | 'annotation'>) {}

  /** Loads a region, CPU sample or log by its track row; null clears. Resolves with the detail (or null). */
  loadItem(sel: { kind: AnnotationKind; row: number } | null): Promise<AnnotationDetail | null> {
    return this.load('item', sel && `${sel.kind}:${sel.row}`, (signal) => this.api.annotation(sel!.kind, sel!.row, signal));
  }

  /** Loads the span at (lane, t); null clears. Resolves with the detail (or null). */
  loadSpan(sel: { lane: string; timeNs: number } | null): Promise<SpanDetail | null> {
    return this.load('span', sel && `${sel.lane}@${Math.round(sel.timeNs)}`, (signal) => this.api.span(sel!.lane, sel!.timeNs, signal));
  }

  loadRange(range: { startNs: number; endNs: number } | null): void {
    void this.load('range', range && `${Math.round(range.startNs)}-${Math.round(range.endNs)}`, (signal) => this.api.selection(range!, signal));
  }

  /**
   * One slot's request: nothing when `key` is what the slot already holds,
   * else the slot's previous request aborted and `ask` called (a null key
   * clears the slot). Resolves with the value, or null when cleared or failed.
   */
  private load<S extends Slot>(slot: S, key: string | null, ask: (signal: AbortSignal) => Promise<ValueOf<S>>): Promise<ValueOf<S> | null> {
    const keyField = KEY_OF[slot];
    const set = (loadable: Loadable<ValueOf<S>>, extra: Partial<DetailsState> = {}) =>
      this.store.update((st) => ({ ...st, [slot]: loadable, ...extra }) as DetailsState);
    if (key === this.store.get()[keyField]) {
      const cur = this.store.get()[slot] as Loadable<ValueOf<S>>;
      return Promise.resolve(cur.status === 'done' ? cur.value : null);
    }
    this.aborts[slot]?.abort();
    if (key === null) {
      set({ status: 'idle' }, { [keyField]: null });
      return Promise.resolve(null);
    }
    const ctl = new AbortController();
    this.aborts[slot] = ctl;
    set({ status: 'loading' }, { [keyField]: key });
    return ask(ctl.signal).then(
      (value) => {
        if (!ctl.signal.aborted) set({ status: 'done', value });
        return value;
      },
      (e: unknown) => {
        if (!ctl.signal.aborted) set({ status: 'error', message: (e as Error).message });
        return null;
      },
    );
  }
}
