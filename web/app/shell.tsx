import { formatBytes, formatCount, formatDurationNs } from '../render/format-time.ts';
import { useStore } from '../hooks/use-store.ts';
import type { TraceSession } from '../state/trace-session.ts';
import type { Page } from '../state/url-state.ts';
import { TimelineView } from '../timeline/timeline-view.tsx';
import { GoroutinesPage } from '../pages/goroutines-page.tsx';
import { ProfilesPage } from '../pages/profiles-page.tsx';
import { MmuPage } from '../pages/mmu-page.tsx';
import { TasksPage } from '../pages/tasks-page.tsx';
import { RegionsPage } from '../pages/regions-page.tsx';

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
        {page === 'goroutines' && <GoroutinesPage session={session} />}
        {page === 'profiles' && <ProfilesPage session={session} />}
        {page === 'mmu' && <MmuPage session={session} />}
        {page === 'tasks' && <TasksPage session={session} />}
        {page === 'regions' && <RegionsPage session={session} />}
      </main>
    </div>
  );
}
