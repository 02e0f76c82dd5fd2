/**
 * Everything on screen besides the time window: the page, proc/thread view,
 * expanded goroutine groups, the selected span and time range, the scope and
 * options of the analysis pages, overlays. Changed by clicks and keys, not
 * per frame, so React may re-render on it.
 */
import type { AnnotationKind } from '../../shared/lane-tracks.ts';
import { createStore, type Store } from './store.ts';
import type { NsRange, Page, UrlState } from './url-state.ts';

export interface SelectedSpan {
  lane: string;
  timeNs: number;
  /** Bounds from the chunk when clicked (exact after the detail loads). */
  startNs: number;
  endNs: number;
  /** Merged spans stand for several (count > 1). */
  count: number;
  /** One line about it from the chunk (shown when the server has no detail, e.g. GC spans). */
  text?: string;
  /** Set when a region, CPU sample or log of the lane's tracks is selected rather than a span. */
  item?: { kind: AnnotationKind; row: number };
}

export interface UiState {
  page: Page;
  view: 'procs' | 'threads';
  expandedGroups: ReadonlySet<number>;
  selection: NsRange | null;
  span: SelectedSpan | null;
  range: NsRange | null;
  group: string | null;
  kind: UrlState['kind'];
  sort: UrlState['sort'];
  /** Drag on the lanes: pan (default) or select a time range. */
  dragMode: 'pan' | 'select';
  helpOpen: boolean;
  /** Flow arrows drawn over the lanes (the "Flows" toggle). */
  flows: boolean;
  /** The TASKS section shows its task lanes (else only its header). */
  tasksExpanded: boolean;
  /** Goroutine id whose related goroutines alone fill the goroutine section (lane-focus.ts), or null for all. */
  focus: number | null;
}

export type UiStore = Store<UiState>;

export function createUiStore(initial: UiState): UiStore {
  return createStore(initial);
}

/** `tasksExpanded`: whether the TASKS section starts open (the session opens it for a few tasks). */
export function initialUiState(url: UrlState, expandedGroups: ReadonlySet<number>, tasksExpanded = true): UiState {
  return {
    page: url.page,
    view: url.view,
    expandedGroups,
    selection: url.selection,
    span: url.span ? { lane: url.span.lane, timeNs: url.span.timeNs, startNs: url.span.timeNs, endNs: url.span.timeNs, count: 1, ...(url.span.item ? { item: url.span.item } : {}) } : null,
    range: url.range,
    group: url.group,
    kind: url.kind,
    sort: url.sort,
    dragMode: 'pan',
    helpOpen: false,
    flows: url.flows === true,
    tasksExpanded,
    focus: url.focus ?? null,
  };
}

export function toggleGroup(s: UiState, group: number): UiState {
  const next = new Set(s.expandedGroups);
  if (next.has(group)) next.delete(group);
  else next.add(group);
  return { ...s, expandedGroups: next };
}

/** The URL part of the UI state (the window comes from the viewport store). */
export function urlStateOf(s: UiState, window: NsRange | null): UrlState {
  return {
    page: s.page,
    window,
    selection: s.selection,
    span: s.span ? { lane: s.span.lane, timeNs: s.span.timeNs, ...(s.span.item ? { item: s.span.item } : {}) } : null,
    view: s.view,
    range: s.range,
    group: s.group,
    kind: s.kind,
    sort: s.sort,
    ...(s.flows ? { flows: true } : {}),
    ...(s.focus !== null ? { focus: s.focus } : {}),
  };
}
