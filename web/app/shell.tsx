import { lazy, Suspense } from 'react';
import { formatBytes, formatCount, formatDurationNs } from '../render/format-time.ts';
import { useStore } from '../hooks/use-store.ts';
import type { TraceSession } from '../state/trace-session.ts';
import type { Page } from '../state/url-state.ts';
import { TimelineView } from '../timeline/timeline-view.tsx';

// The analysis pages load on first use: the first timeline frame waits for less script.
const GoroutinesPage = lazy(() => import('../pages/goroutines-page.tsx').then((m) => ({ default: m.GoroutinesPage })));
const ProfilesPage = lazy(() => import('../pages/profiles-page.tsx').then((m) => ({ default: m.ProfilesPage })));
const MmuPage = lazy(() => import('../pages/mmu-page.tsx').then((m) => ({ default: m.MmuPage })));
const TasksPage = lazy(() => import('../pages/tasks-page.tsx').then((m) => ({ default: m.TasksPage })));
const RegionsPage = lazy(() => import('../pages/regions-page.tsx').then((m) => ({ default: m.RegionsPage })));

const TABS: { page: Page; title: string }[] = [
  { page: 'timeline', title: 'Timeline' },
  { page: 'goroutines', title: 'Goroutines' },
  { page: 'profiles', title: 'Profiles' },
  { page: 'mmu', title: 'MMU' },
  { page: 'tasks', title: 'Tasks' },
  { page: 'regions', title: 'Regions' },
];

const selectPage = (s: { page: Page }) => s.page;

/** Top bar (trace facts and page tabs) and the current page. */
export function Shell({ session }: { session: TraceSession }) {
  const page = useStore(session.ui, selectPage);
  const { summary } = session;
  const go = (p: Page) => session.ui.update((s) => ({ ...s, page: p }));
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">gotrace-view</span>
        <span className="trace-facts" title={summary.file}>
          {summary.file.split('/').pop()} · {summary.version} · {formatDurationNs(summary.durationNs)} · {formatCount(summary.eventCount)} events · {formatCount(summary.goroutineCount)} goroutines · {summary.procCount} procs · {formatBytes(summary.fileBytes)}
        </span>
        <nav className="tabs" data-testid="page-tabs">
          {TABS.map((t) => (
            <button key={t.page} className={t.page === page ? 'tab active' : 'tab'} data-testid={`tab-${t.page}`} onClick={() => go(t.page)}>
              {t.title}
            </button>
          ))}
        </nav>
      </header>
      {summary.warnings.length > 0 && (
        <div className="warning" data-testid="trace-warnings">
          {summary.warnings.join(' · ')}
        </div>
      )}
      <main className="page" data-testid={`page-${page}`}>
        {page === 'timeline' && <TimelineView session={session} />}
        <Suspense fallback={<p className="muted analysis-page">Loading…</p>}>
          {page === 'goroutines' && <GoroutinesPage session={session} />}
          {page === 'profiles' && <ProfilesPage session={session} />}
          {page === 'mmu' && <MmuPage session={session} />}
          {page === 'tasks' && <TasksPage session={session} />}
          {page === 'regions' && <RegionsPage session={session} />}
        </Suspense>
      </main>
    </div>
  );
}
