/**
 * Keeps the address bar in step with the screen (page, window, selection,
 * span, view, analysis scope) without a history entry per pan: the URL is
 * replaced at most every 250 ms, and a page change pushes an entry so Back
 * returns to the previous page. Back/Forward restore what the URL holds.
 */
import type { TraceSession } from '../state/trace-session.ts';
import { urlStateOf } from '../state/ui-store.ts';
import { decodeUrlState, encodeUrlState } from '../state/url-state.ts';

export function attachUrlSync(session: TraceSession): () => void {
  const { viewport, ui } = session;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastPage = ui.get().page;
  const isWhole = () => {
    const v = viewport.get();
    return v.startNs <= 0 && v.endNs >= viewport.durationNs;
  };
  const current = () => {
    const v = viewport.get();
    return `${location.pathname}${encodeUrlState(urlStateOf(ui.get(), isWhole() ? null : { startNs: Math.floor(v.startNs), endNs: Math.ceil(v.endNs) }))}${location.hash}`;
  };
  const write = () => {
    timer = null;
    const next = current();
    const page = ui.get().page;
    if (next === `${location.pathname}${location.search}${location.hash}`) return;
    if (page !== lastPage) history.pushState(null, '', next);
    else history.replaceState(null, '', next);
    lastPage = page;
  };
  const schedule = () => {
    if (ui.get().page !== lastPage) {
      if (timer) clearTimeout(timer);
      write();
      return;
    }
    timer ??= setTimeout(write, 250);
  };
  const onPop = () => {
    const u = decodeUrlState(location.search);
    lastPage = u.page;
    ui.update((s) => ({ ...s, page: u.page, view: u.view, selection: u.selection, range: u.range, group: u.group, kind: u.kind, sort: u.sort, flows: u.flows === true, focus: u.focus ?? null }));
    if (u.window) viewport.show(u.window.startNs, u.window.endNs);
    else viewport.reset();
  };
  const unsubs = [viewport.subscribe(schedule), ui.subscribe(schedule)];
  window.addEventListener('popstate', onPop);
  return () => {
    if (timer) clearTimeout(timer);
    for (const u of unsubs) u();
    window.removeEventListener('popstate', onPop);
  };
}
