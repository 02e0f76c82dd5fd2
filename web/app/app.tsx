import { useEffect, useState } from 'react';
import { parseLaneId } from '../../shared/lanes.ts';
import type { TraceApi } from '../data/api-client.ts';
import { revealGoroutine } from '../state/reveal-goroutine.ts';
import { createTraceSession, type TraceSession } from '../state/trace-session.ts';
import { decodeUrlState } from '../state/url-state.ts';
import { prefetchInitialView } from '../timeline/prefetch-initial-view.ts';
import { installDebugHook } from './debug-hook.ts';
import { Shell } from './shell.tsx';
import { attachUrlSync } from './url-sync.ts';

/** Loads the trace summary, then shows the viewer for it. */
export function App({ api }: { api: TraceApi }) {
  const [session, setSession] = useState<TraceSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    let created: TraceSession | null = null;
    let detachUrl: (() => void) | null = null;
    api.summary(ctl.signal).then(
      (summary) => {
        const url = decodeUrlState(location.search);
        created = createTraceSession(api, summary, url);
        // A shared link to a goroutine's span opens its group and scrolls to its lane.
        const g = url.span ? parseLaneId(url.span.lane) : null;
        if (url.span && g?.prefix === 'g' && Number.isFinite(g.num)) void revealGoroutine(created, g.num, { timeNs: url.span.timeNs });
        prefetchInitialView(created, window.innerWidth, window.innerHeight);
        installDebugHook(created);
        detachUrl = attachUrlSync(created);
        document.title = `${summary.file.split('/').pop() || 'trace'} · gotrace-view`;
        setSession(created);
      },
      (e: unknown) => !ctl.signal.aborted && setError((e as Error).message),
    );
    return () => {
      ctl.abort();
      detachUrl?.();
      created?.dispose();
    };
  }, [api]);
  if (error) {
    return (
      <div className="app-message" data-testid="app-error">
        <h1>gotrace-view</h1>
        <p>Could not load the trace summary: {error}</p>
        <p>Is the server running? (npx gotrace-view TRACE)</p>
      </div>
    );
  }
  if (!session) {
    return (
      <div className="app-message" data-testid="app-loading">
        Loading trace…
      </div>
    );
  }
  return <Shell session={session} />;
}
