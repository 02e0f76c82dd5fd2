import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { AXIS_HEIGHT_PX } from '../render/draw-axis.ts';
import { useStore } from '../hooks/use-store.ts';
import { createStore } from '../state/store.ts';
import type { TraceSession } from '../state/trace-session.ts';
import type { UiState } from '../state/ui-store.ts';
import { setDebugController } from '../app/debug-hook.ts';
import { DetailPanel } from './detail-panel.tsx';
import { FocusBar } from './focus-bar.tsx';
import { LaneHeaders, HEADER_WIDTH_PX } from './lane-headers.tsx';
import { SelectionPanel } from './selection-panel.tsx';
import { ShortcutsOverlay } from './shortcuts-overlay.tsx';
import { TimelineController } from './timeline-controller.ts';
import { TimelineToolbar } from './timeline-toolbar.tsx';

const selectView = (s: UiState) => s.view;
const selectDragMode = (s: UiState) => s.dragMode;
const selectHelp = (s: UiState) => s.helpOpen;
const selectHasSpan = (s: UiState) => s.span !== null;
const selectHasSelection = (s: UiState) => s.selection !== null;

/**
 * The timeline page: toolbar, time axis, lane headers (DOM, virtualized) beside
 * the lanes canvas, and the side panel for the selected span or range. The
 * canvas is driven by TimelineController; this component renders again only
 * for layout changes (expanding a group, switching procs/threads) and
 * vertical scrolling of the headers.
 */
export function TimelineView({ session }: { session: TraceSession }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const axisRef = useRef<HTMLCanvasElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<TimelineController | null>(null);
  const [scrollState] = useState(() => createStore({ topPx: 0, heightPx: 600 }, (a, b) => a.topPx === b.topPx && a.heightPx === b.heightPx));
  const layout = useStore(session.layout);
  const view = useStore(session.ui, selectView);
  const dragMode = useStore(session.ui, selectDragMode);
  const helpOpen = useStore(session.ui, selectHelp);
  const hasSpan = useStore(session.ui, selectHasSpan);
  const hasSelection = useStore(session.ui, selectHasSelection);

  useEffect(() => {
    const c = new TimelineController(session, { canvas: canvasRef.current!, axis: axisRef.current!, scroller: scrollerRef.current!, frame: frameRef.current!, tooltip: tooltipRef.current! }, scrollState);
    setController(c);
    setDebugController(c);
    return () => {
      setDebugController(null);
      c.dispose();
    };
  }, [session, scrollState]);

  // Links to a goroutine, a group or a task ask for its row to be scrolled into view. Applied after
  // React has sized the scroller for the new layout: an opened group makes it taller, and a scroll
  // made before that is cut short at the old height.
  const scrollRequest = useStore(session.scrollRequest);
  useLayoutEffect(() => {
    if (!controller || !scrollRequest) return;
    const req = scrollRequest;
    const y = 'laneId' in req ? layout.laneTopPx(req.laneId) : req.member < 0 ? (layout.hasGroup(req.group) ? layout.groupTopPx(req.group) : null) : layout.memberTopPx(req.group, req.member);
    if (y === null) return;
    controller.scrollToRow(y);
    session.scrollRequest.set(null);
  }, [controller, session, scrollRequest, layout]);

  const showPanel = hasSpan || hasSelection;

  return (
    <div className="timeline-page">
      <TimelineToolbar session={session} />
      <FocusBar session={session} />
      <div className="timeline-main">
        <div className="timeline" data-testid="timeline">
          <div className="timeline-top" style={{ height: AXIS_HEIGHT_PX }}>
            <div className="timeline-corner" style={{ width: HEADER_WIDTH_PX }}>
              {view === 'threads' ? 'Threads (M)' : 'Procs (P)'}
            </div>
            <div className="axis-host">
              <canvas ref={axisRef} data-testid="time-axis" className="axis-canvas" />
            </div>
          </div>
          <div className="timeline-scroller" ref={scrollerRef} data-testid="timeline-scroller">
            <div style={{ height: layout.totalHeightPx, minHeight: '100%', position: 'relative' }}>
              <div className="timeline-sticky" ref={frameRef}>
                <LaneHeaders session={session} layout={layout} scrollState={scrollState} />
                <div className="canvas-host">
                  <canvas ref={canvasRef} data-testid="timeline-canvas" role="img" aria-label="Timeline lanes" className={dragMode === 'select' ? 'lanes-canvas select-mode' : 'lanes-canvas'} />
                  <div ref={tooltipRef} className="tooltip" data-testid="timeline-tooltip" />
                </div>
              </div>
            </div>
          </div>
        </div>
        {showPanel && (
          <aside className="side-panel" data-testid="side-panel">
            {hasSpan && <DetailPanel session={session} />}
            {hasSelection && <SelectionPanel session={session} />}
          </aside>
        )}
      </div>
      {helpOpen && <ShortcutsOverlay onClose={() => session.ui.update((s) => ({ ...s, helpOpen: false }))} />}
    </div>
  );
}
