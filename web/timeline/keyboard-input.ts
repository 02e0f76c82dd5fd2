/**
 * Timeline keys (see shortcuts.ts): W/S zoom, A/D pan, F zoom to the
 * selection, 0/Z whole trace, T procs/threads, E expand/collapse, 1/2 drag
 * mode, arrows scroll the lanes, / search, ? help, Esc clears. Keys typed
 * into inputs are left alone (the search box handles its own).
 */
import type { TraceSession } from '../state/trace-session.ts';

export interface KeyboardTarget {
  session: TraceSession;
  /** Pointer x over the lanes (zoom anchor), or null. */
  pointerXPx: () => number | null;
  scrollBy: (dyPx: number) => void;
  pageHeightPx: () => number;
}

const ZOOM_STEP = 1.25;
const PAN_STEP = 0.1;

export function handleTimelineKey(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>, t: KeyboardTarget): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const { viewport, ui } = t.session;
  const fast = e.shiftKey;
  const anchor = t.pointerXPx() ?? viewport.widthPx / 2;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  switch (key) {
    case 'w':
    case '+':
    case '=':
      viewport.zoomAt(1 / (fast ? ZOOM_STEP ** 3 : ZOOM_STEP), anchor);
      return true;
    case 's':
    case '-':
      viewport.zoomAt(fast ? ZOOM_STEP ** 3 : ZOOM_STEP, anchor);
      return true;
    case 'a':
    case 'ArrowLeft':
      viewport.panByFraction(-(fast ? 0.5 : PAN_STEP));
      return true;
    case 'd':
    case 'ArrowRight':
      viewport.panByFraction(fast ? 0.5 : PAN_STEP);
      return true;
    case 'ArrowUp':
      t.scrollBy(-40);
      return true;
    case 'ArrowDown':
      t.scrollBy(40);
      return true;
    case 'PageUp':
      t.scrollBy(-t.pageHeightPx());
      return true;
    case 'PageDown':
      t.scrollBy(t.pageHeightPx());
      return true;
    case '0':
    case 'z':
      viewport.reset();
      return true;
    case 'f': {
      const s = ui.get();
      if (s.selection) viewport.fit(s.selection.startNs, s.selection.endNs);
      else if (s.span && s.span.endNs > s.span.startNs) viewport.fit(s.span.startNs, s.span.endNs);
      return true;
    }
    case 't':
      ui.update((s) => ({ ...s, view: s.view === 'procs' ? 'threads' : 'procs' }));
      return true;
    case 'l':
      ui.update((s) => ({ ...s, flows: !s.flows }));
      return true;
    case 'e': {
      const groups = t.session.summary.groups;
      ui.update((s) => ({ ...s, expandedGroups: s.expandedGroups.size > 0 ? new Set<number>() : new Set(groups.map((_, i) => i)) }));
      return true;
    }
    case '1':
      ui.update((s) => ({ ...s, dragMode: 'pan' }));
      return true;
    case '2':
      ui.update((s) => ({ ...s, dragMode: 'select' }));
      return true;
    case '?':
      ui.update((s) => ({ ...s, helpOpen: !s.helpOpen }));
      return true;
    case '/':
      t.session.search.open();
      return true;
    case 'Escape':
      if (ui.get().helpOpen) ui.update((s) => ({ ...s, helpOpen: false }));
      else if (t.session.search.store.get().open) t.session.search.close();
      else ui.update((s) => ({ ...s, selection: null, span: null }));
      return true;
  }
  return false;
}

/** Listens on window while the timeline is shown; returns the detach function. */
export function attachKeyboard(t: KeyboardTarget): () => void {
  const onKey = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement | null;
    if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)) return;
    if (handleTimelineKey(e, t)) e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
