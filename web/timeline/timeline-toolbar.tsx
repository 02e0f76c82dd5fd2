import { useSyncExternalStore } from 'react';
import { formatCount, formatDurationNs, formatTickNs } from '../render/format-time.ts';
import { useStore } from '../hooks/use-store.ts';
import type { TraceSession } from '../state/trace-session.ts';
import type { UiState } from '../state/ui-store.ts';
import { SearchBox } from './search-box.tsx';

const selectView = (s: UiState) => s.view;
const selectMode = (s: UiState) => s.dragMode;
const selectSel = (s: UiState) => s.selection;
const selectFlows = (s: UiState) => s.flows;

/** "Flows": go tool trace's "Flow events" button (L), with what the arrows mean in its title. */
function FlowsToggle({ session }: { session: TraceSession }) {
  const on = useStore(session.ui, selectFlows);
  useSyncExternalStore(
    (l) => session.flows.subscribe(l),
    () => session.flows.version,
  );
  const answer = on ? session.flows.response : null;
  return (
    <>
      <button
        className={on ? 'active' : ''}
        aria-pressed={on}
        onClick={() => session.ui.update((s) => ({ ...s, flows: !s.flows }))}
        title="Flow arrows (L): goroutine creation (go), unblocks, exits from blocked syscalls, parent → child tasks; from the cause to where the goroutine next runs"
        data-testid="flows-toggle"
      >
        Flows
      </button>
      {answer?.truncated && (
        <span className="muted" data-testid="flows-sampled" title={`${formatCount(answer.arrows.length)} arrows drawn of about ${formatCount(answer.total)} arrow ends on these lanes around the view`}>
          arrows sampled: zoom in for all
        </span>
      )}
    </>
  );
}

/** The visible window, as text: the one DOM bit that follows every pan. */
function WindowReadout({ session }: { session: TraceSession }) {
  const v = useStore(session.viewport);
  const span = v.endNs - v.startNs;
  return (
    <span className="window-readout" data-testid="window-readout" title="Visible time window">
      {formatTickNs(v.startNs, span / 100)} – {formatTickNs(v.endNs, span / 100)} ({formatDurationNs(span)})
    </span>
  );
}

function LoadingMark({ session }: { session: TraceSession }) {
  const loading = useStore(session.loading);
  return loading ? (
    <span className="loading-mark muted" data-testid="loading">
      loading…
    </span>
  ) : null;
}

export function TimelineToolbar({ session }: { session: TraceSession }) {
  const { viewport, ui } = session;
  const view = useStore(ui, selectView);
  const mode = useStore(ui, selectMode);
  const selection = useStore(ui, selectSel);
  const error = useStore(session.lastError);
  const anyExpanded = useStore(ui, (s) => s.expandedGroups.size > 0);
  return (
    <div className="toolbar" data-testid="timeline-toolbar">
      <div className="button-group">
        <button onClick={() => viewport.zoomAt(1.6, viewport.widthPx / 2)} title="Zoom out (S)">
          −
        </button>
        <button onClick={() => viewport.zoomAt(1 / 1.6, viewport.widthPx / 2)} title="Zoom in (W)">
          +
        </button>
        <button onClick={() => viewport.reset()} title="Whole trace (0)">
          All
        </button>
        <button disabled={!selection} onClick={() => selection && viewport.fit(selection.startNs, selection.endNs)} title="Zoom to the selected range (F)" data-testid="zoom-to-selection">
          Zoom to selection
        </button>
      </div>
      <div className="button-group" role="radiogroup" aria-label="Drag mode">
        <button className={mode === 'pan' ? 'active' : ''} onClick={() => ui.update((s) => ({ ...s, dragMode: 'pan' }))} title="Drag pans (1)">
          Pan
        </button>
        <button className={mode === 'select' ? 'active' : ''} onClick={() => ui.update((s) => ({ ...s, dragMode: 'select' }))} title="Drag selects a time range (2); Shift+drag always selects" data-testid="select-mode">
          Select
        </button>
      </div>
      <div className="button-group" role="radiogroup" aria-label="Lanes">
        <button className={view === 'procs' ? 'active' : ''} onClick={() => ui.update((s) => ({ ...s, view: 'procs' }))} title="One lane per P (T)" data-testid="view-procs">
          Procs
        </button>
        <button className={view === 'threads' ? 'active' : ''} onClick={() => ui.update((s) => ({ ...s, view: 'threads' }))} title="One lane per OS thread (T)" data-testid="view-threads">
          Threads
        </button>
      </div>
      <button
        onClick={() => ui.update((s) => ({ ...s, expandedGroups: anyExpanded ? new Set<number>() : new Set(session.summary.groups.map((_, i) => i)) }))}
        title="Expand or collapse every goroutine group (E)"
      >
        {anyExpanded ? 'Collapse groups' : 'Expand groups'}
      </button>
      <FlowsToggle session={session} />
      <WindowReadout session={session} />
      <LoadingMark session={session} />
      {error && (
        <span className="error-text" title={error}>
          Chunk error: {error}
        </span>
      )}
      <span className="spacer" />
      <SearchBox session={session} />
      <button onClick={() => ui.update((s) => ({ ...s, helpOpen: true }))} title="Keyboard shortcuts (?)" data-testid="help-button">
        ?
      </button>
    </div>
  );
}
