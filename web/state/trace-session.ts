/**
 * One opened trace: its summary and the stores and caches built on it. The
 * views get a session and read what they need; nothing here draws.
 */
import type { TraceSummary } from '../../shared/api.ts';
import type { TraceApi } from '../data/api-client.ts';
import { ChunkCache } from '../data/chunk-cache.ts';
import { FlowLoader } from '../data/flow-loader.ts';
import { DetailsStore } from './details-store.ts';
import { loadSelectedItem } from './item-selection.ts';
import { GoroutineDirectory } from './goroutine-directory.ts';
import { FocusLoader } from './lane-focus.ts';
import { SearchLoader } from './search-loader.ts';
import { buildLaneLayout, defaultExpandedGroups, type LaneLayout } from './lane-layout.ts';
import { createStore, type Store } from './store.ts';
import { createUiStore, initialUiState, type UiState, type UiStore } from './ui-store.ts';
import type { UrlState } from './url-state.ts';
import { createViewportStore, type ViewportStore } from './viewport-store.ts';

export interface TraceSession {
  api: TraceApi;
  summary: TraceSummary;
  viewport: ViewportStore;
  ui: UiStore;
  details: DetailsStore;
  directory: GoroutineDirectory;
  cache: ChunkCache;
  /** Flow arrows of the visible lanes (while the Flows toggle is on). */
  flows: FlowLoader;
  /** The lane layout, rebuilt when the view or the expanded groups change. */
  layout: Store<LaneLayout>;
  /** Called when a chunk arrives or fails (the timeline requests a frame). */
  onData: Set<() => void>;
  /** Last chunk error, shown in the status bar. */
  lastError: Store<string | null>;
  /** Whether visible lanes are waiting for chunks (set by the timeline after each frame). */
  loading: Store<boolean>;
  /** A row the timeline should scroll into view (set by links to a goroutine); member -1: the group's header. */
  scrollRequest: Store<ScrollRequest | null>;
  /** The search box (`/`): query, results, stepping. */
  search: SearchLoader;
  /** "Show only related": the lanes the goroutine section keeps while the UI state has a focus. */
  focus: FocusLoader;
  dispose(): void;
}

/** A goroutine row (member -1: its group's header) or a fixed lane (e.g. a task lane) to scroll to. */
export type ScrollRequest = { group: number; member: number } | { laneId: string };

export function createTraceSession(api: TraceApi, summary: TraceSummary, url: UrlState): TraceSession {
  const viewport = createViewportStore(summary.durationNs, url.window ?? undefined);
  // The TASKS section starts open for a few tasks (a screenful); beyond that only its header shows.
  const taskLanes = summary.lanes.filter((l) => l.section === 'tasks').length;
  const ui = createUiStore(initialUiState(url, defaultExpandedGroups(summary.groups), taskLanes <= 24));
  const onData = new Set<() => void>();
  const lastError = createStore<string | null>(null);
  const cache = new ChunkCache({
    fetchChunk: (q, signal) => api.chunk(q, signal),
    durationNs: summary.durationNs,
    onUpdate: () => {
      for (const f of [...onData]) f();
    },
    onError: (e) => lastError.set((e as Error).message ?? String(e)),
  });
  const flows = new FlowLoader({
    fetchFlows: (q, signal) => api.flows(q, signal),
    durationNs: summary.durationNs,
    onUpdate: () => {
      for (const f of [...onData]) f();
    },
    onError: (e) => lastError.set((e as Error).message ?? String(e)),
  });
  const scrollRequest = createStore<ScrollRequest | null>(null);
  // A loaded focus opens the groups of its goroutines and scrolls to the focused one.
  const focus = new FocusLoader(api, ui, (f) => {
    ui.update((s) => ({ ...s, expandedGroups: new Set([...s.expandedGroups, ...f.groups.keys()]) }));
    scrollRequest.set({ group: f.group, member: f.member });
  });
  const layoutOf = (s: UiState) =>
    buildLaneLayout({ lanes: summary.lanes, groups: summary.groups, view: s.view, expandedGroups: s.expandedGroups, tasksExpanded: s.tasksExpanded, focus: s.focus !== null ? (focus.current?.groups ?? null) : null });
  const layout = createStore<LaneLayout>(layoutOf(ui.get()));
  let last = ui.get();
  const unsub = ui.subscribe(() => {
    const s = ui.get();
    if (s.view !== last.view || s.expandedGroups !== last.expandedGroups || s.tasksExpanded !== last.tasksExpanded || s.focus !== last.focus) layout.set(layoutOf(s));
    if (!s.flows && last.flows) flows.clear();
    last = s;
  });
  const unsubFocus = focus.store.subscribe(() => layout.set(layoutOf(ui.get())));
  const directory = new GoroutineDirectory(api, summary.groups);
  const details = new DetailsStore(api);
  // Selecting a span loads its detail (and then its exact bounds); clearing the range clears its summary.
  const loadSpan = (s: UiState) => {
    // A region, CPU sample or log: its own detail (item-selection.ts), no span lookup.
    if (loadSelectedItem(details, ui)) return;
    // A task lane's span is the task: the detail panel asks /api/task for it, /api/span has nothing there.
    const sel = s.span?.lane.startsWith('task:') ? null : s.span;
    void details.loadSpan(sel).then((d) => {
      const now = ui.get().span;
      if (d && now && sel && now.lane === sel.lane && now.timeNs === sel.timeNs && (now.startNs !== d.startNs || now.endNs !== d.endNs)) {
        ui.set({ ...ui.get(), span: { ...now, startNs: d.startNs, endNs: d.endNs } });
      }
    });
  };
  let lastSel = ui.get();
  const unsubDetails = ui.subscribe(() => {
    const s = ui.get();
    const itemChanged = s.span?.item?.kind !== lastSel.span?.item?.kind || s.span?.item?.row !== lastSel.span?.item?.row;
    if (s.span !== lastSel.span && (s.span?.lane !== lastSel.span?.lane || s.span?.timeNs !== lastSel.span?.timeNs || itemChanged)) loadSpan(s);
    if (s.selection === null && lastSel.selection !== null) details.loadRange(null);
    lastSel = s;
  });
  loadSpan(ui.get());
  details.loadRange(ui.get().selection);
  return {
    api,
    summary,
    viewport,
    ui,
    details,
    directory,
    cache,
    flows,
    layout,
    onData,
    lastError,
    loading: createStore(false),
    scrollRequest,
    search: new SearchLoader(api),
    focus,
    dispose() {
      unsub();
      unsubDetails();
      unsubFocus();
      focus.dispose();
      this.search.dispose();
      cache.dispose();
      flows.clear();
    },
  };
}
