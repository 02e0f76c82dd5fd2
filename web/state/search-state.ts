/**
 * The timeline's search box as data: the query, the answer, which result is
 * highlighted and which one the timeline shows. Keys step through the
 * results the way go tool trace's `/` search does with Enter: the first
 * Enter shows the first result, each next Enter the next one (Shift+Enter
 * the previous), wrapping at the ends; ↓ and ↑ move the highlight without
 * moving the view, and Enter then shows the highlighted result.
 */
import type { SearchHit, SearchResponse } from '../../shared/search-api.ts';

export interface SearchState {
  /** The box has the focus and lists its results. */
  open: boolean;
  query: string;
  status: 'idle' | 'loading' | 'done' | 'error';
  response: SearchResponse | null;
  message: string;
  /** Highlighted result (-1: none). */
  active: number;
  /** The result last shown on the timeline (-1: none yet for this answer). */
  shown: number;
}

export const INITIAL_SEARCH: SearchState = { open: false, query: '', status: 'idle', response: null, message: '', active: -1, shown: -1 };

export type SearchKey = 'Enter' | 'ArrowDown' | 'ArrowUp';

export function searchResults(s: SearchState): readonly SearchHit[] {
  return s.response?.results ?? [];
}

/** The state after a key, and the result to show (null: the view stays). */
export function stepSearch(s: SearchState, key: SearchKey, shiftKey = false): { state: SearchState; show: number | null } {
  const n = searchResults(s).length;
  if (n === 0) return { state: s, show: null };
  const next = (i: number) => (i + 1) % n;
  const prev = (i: number) => (i - 1 + n) % n;
  if (key === 'ArrowDown') return { state: { ...s, active: s.active < 0 ? 0 : next(s.active) }, show: null };
  if (key === 'ArrowUp') return { state: { ...s, active: s.active < 0 ? n - 1 : prev(s.active) }, show: null };
  let active = s.active;
  if (active < 0) active = shiftKey ? n - 1 : 0;
  else if (active === s.shown) active = shiftKey ? prev(active) : next(active);
  return { state: { ...s, active, shown: active }, show: active };
}

/** Choosing a result with the pointer: it is highlighted and shown. */
export function chooseResult(s: SearchState, index: number): { state: SearchState; show: number | null } {
  if (index < 0 || index >= searchResults(s).length) return { state: s, show: null };
  return { state: { ...s, active: index, shown: index }, show: index };
}

/** A new answer for the current query: nothing highlighted or shown yet. */
export function withResponse(s: SearchState, response: SearchResponse): SearchState {
  return { ...s, status: 'done', response, message: '', active: -1, shown: -1 };
}

/** "3 goroutines, 1 group, 120 logs (showing 50)": what the answer found. */
export function searchSummary(r: SearchResponse): string {
  const names: Record<string, [string, string]> = {
    goroutine: ['goroutine', 'goroutines'],
    group: ['group', 'groups'],
    task: ['task', 'tasks'],
    region: ['region', 'regions'],
    log: ['log', 'logs'],
  };
  const parts = Object.entries(r.totals)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n.toLocaleString('en-US')} ${names[k][n === 1 ? 0 : 1]}`);
  if (parts.length === 0) return 'nothing found';
  return r.truncated ? `${parts.join(', ')} (showing ${r.results.length})` : parts.join(', ');
}
