import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Store } from '../state/store.ts';

/** Re-renders when the store changes (or, with a selector, when the selected value changes). */
export function useStore<T>(store: Store<T>): T;
export function useStore<T, U>(store: Store<T>, select: (v: T) => U): U;
export function useStore<T, U>(store: Store<T>, select?: (v: T) => U): T | U {
  const get = useCallback(() => (select ? select(store.get()) : store.get()), [store, select]);
  return useSyncExternalStore(store.subscribe, get, get);
}

export type AsyncState<T> = { status: 'loading' } | { status: 'done'; value: T } | { status: 'error'; message: string };

/** Runs `load` when `key` changes, aborting the previous run; the result as a state. */
export function useAsync<T>(key: string, load: (signal: AbortSignal) => Promise<T>): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const ctl = new AbortController();
    setState({ status: 'loading' });
    loadRef.current(ctl.signal).then(
      (value) => !ctl.signal.aborted && setState({ status: 'done', value }),
      (e: unknown) => !ctl.signal.aborted && setState({ status: 'error', message: (e as Error).message ?? String(e) }),
    );
    return () => ctl.abort();
  }, [key]);
  return state;
}
