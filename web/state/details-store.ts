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

export class DetailsStore {
  readonly store: Store<DetailsState> = createStore<DetailsState>({ span: { status: 'idle' }, spanKey: null, item: { status: 'idle' }, itemKey: null, range: { status: 'idle' }, rangeKey: null });
  private spanAbort: AbortController | null = null;
  private itemAbort: AbortController | null = null;
  private rangeAbort: AbortController | null = null;

  constructor(private readonly api: Pick<TraceApi, 'span' | 'selection' | 'annotation'>) {}

  /** Loads a region, CPU sample or log by its track row; null clears. Resolves with the detail (or null). */
  loadItem(sel: { kind: AnnotationKind; row: number } | null): Promise<AnnotationDetail | null> {
    const key = sel ? `${sel.kind}:${sel.row}` : null;
    if (key === this.store.get().itemKey) {
      const s = this.store.get().item;
      return Promise.resolve(s.status === 'done' ? s.value : null);
    }
    this.itemAbort?.abort();
    if (!sel) {
      this.store.update((s) => ({ ...s, item: { status: 'idle' }, itemKey: null }));
      return Promise.resolve(null);
    }
    const ctl = new AbortController();
    this.itemAbort = ctl;
    this.store.update((s) => ({ ...s, item: { status: 'loading' }, itemKey: key }));
    return this.api.annotation(sel.kind, sel.row, ctl.signal).then(
      (value) => {
        if (!ctl.signal.aborted) this.store.update((s) => ({ ...s, item: { status: 'done', value } }));
        return value;
      },
      (e: unknown) => {
        if (!ctl.signal.aborted) this.store.update((s) => ({ ...s, item: { status: 'error', message: (e as Error).message } }));
        return null;
      },
    );
  }

  /** Loads the span at (lane, t); null clears. Resolves with the detail (or null). */
  loadSpan(sel: { lane: string; timeNs: number } | null): Promise<SpanDetail | null> {
    const key = sel ? `${sel.lane}@${Math.round(sel.timeNs)}` : null;
    if (key === this.store.get().spanKey) {
      const s = this.store.get().span;
      return Promise.resolve(s.status === 'done' ? s.value : null);
    }
    this.spanAbort?.abort();
    if (!sel) {
      this.store.update((s) => ({ ...s, span: { status: 'idle' }, spanKey: null }));
      return Promise.resolve(null);
    }
    const ctl = new AbortController();
    this.spanAbort = ctl;
    this.store.update((s) => ({ ...s, span: { status: 'loading' }, spanKey: key }));
    return this.api.span(sel.lane, sel.timeNs, ctl.signal).then(
      (value) => {
        if (!ctl.signal.aborted) this.store.update((s) => ({ ...s, span: { status: 'done', value } }));
        return value;
      },
      (e: unknown) => {
        if (!ctl.signal.aborted) this.store.update((s) => ({ ...s, span: { status: 'error', message: (e as Error).message } }));
        return null;
      },
    );
  }

  loadRange(range: { startNs: number; endNs: number } | null): void {
    const key = range ? `${Math.round(range.startNs)}-${Math.round(range.endNs)}` : null;
    if (key === this.store.get().rangeKey) return;
    this.rangeAbort?.abort();
    if (!range) {
      this.store.update((s) => ({ ...s, range: { status: 'idle' }, rangeKey: null }));
      return;
    }
    const ctl = new AbortController();
    this.rangeAbort = ctl;
    this.store.update((s) => ({ ...s, range: { status: 'loading' }, rangeKey: key }));
    this.api.selection(range, ctl.signal).then(
      (value) => {
        if (!ctl.signal.aborted) this.store.update((s) => ({ ...s, range: { status: 'done', value } }));
      },
      (e: unknown) => {
        if (!ctl.signal.aborted) this.store.update((s) => ({ ...s, range: { status: 'error', message: (e as Error).message } }));
      },
    );
  }
}
