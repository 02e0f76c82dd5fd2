import type { TaskTypeSummary } from '../../shared/api.ts';
import { formatCount, formatDurationNs, formatTimestampNs } from '../render/format-time.ts';
import { useAsync, useStore } from '../hooks/use-store.ts';
import { revealGoroutine } from '../state/reveal-goroutine.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { AnnotationTypesTable, longestInBucket } from './annotation-types-table.tsx';
import { RangeScope } from './range-scope.tsx';
import { showOnTimeline } from './show-on-timeline.ts';

/** User tasks by type: counts, duration histograms, and each task with its log, linked to the timeline. */
export function TasksPage({ session }: { session: TraceSession }) {
  const range = useStore(session.ui, (s) => s.range);
  const data = useAsync(`${range?.startNs ?? ''}-${range?.endNs ?? ''}`, (signal) => session.api.tasks(range, signal));
  return (
    <div className="analysis-page" data-testid="tasks-page">
      <h1>User tasks</h1>
      <RangeScope session={session} />
      {data.status === 'loading' && <p className="muted">Loading…</p>}
      {data.status === 'error' && <p className="error-text">{data.message}</p>}
      {data.status === 'done' && data.value.types.length === 0 && <p className="muted">This trace has no user tasks (runtime/trace.NewTask).</p>}
      {data.status === 'done' && data.value.types.length > 0 && (
        <AnnotationTypesTable
          types={data.value.types}
          testId="task-types"
          typeTitle="Task type"
          histogramTitle="Duration distribution (complete tasks)"
          extraColumns={[{ title: 'Complete', cell: (t) => formatCount(t.complete) }]}
          renderList={(t, picked) => <TaskList session={session} type={t} picked={picked} />}
        />
      )}
    </div>
  );
}

function TaskList({ session, type, picked }: { session: TraceSession; type: TaskTypeSummary; picked: number | null }) {
  const { items: tasks, bounds } = longestInBucket(type.tasks, type.histogram, picked);
  const shown = tasks.slice(0, 200);
  return (
    <div className="task-list" data-testid="task-list">
      {bounds && (
        <p className="muted">
          Tasks lasting {formatDurationNs(bounds.lowNs)} – {Number.isFinite(bounds.highNs) ? formatDurationNs(bounds.highNs) : '…'}
        </p>
      )}
      {shown.map((t) => (
        <details key={t.id} className="task">
          <summary>
            Task {t.id} · {formatDurationNs(t.durationNs)} from {formatTimestampNs(t.startNs)}
            {t.parent > 0 && <span className="muted"> · parent {t.parent}</span>} ·{' '}
            <button className="link" onClick={() => showOnTimeline(session, t.startNs, t.endNs)}>
              show on timeline
            </button>
          </summary>
          <div className="task-body">
            <div>
              Goroutines:{' '}
              {t.goroutines.map((g) => (
                <button key={g} className="link" onClick={() => void revealGoroutine(session, g, { timeNs: t.startNs, showTimeline: true })}>
                  G{g}{' '}
                </button>
              ))}
            </div>
            {t.logs.length > 0 && (
              <table className="data-table compact">
                <tbody>
                  {t.logs.map((l, i) => (
                    <tr key={i}>
                      <td>{formatTimestampNs(l.timeNs)}</td>
                      <td>+{formatDurationNs(l.timeNs - t.startNs)}</td>
                      <td>G{l.goroutine}</td>
                      <td>{l.category && `[${l.category}] `}{l.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </details>
      ))}
      {tasks.length > shown.length && <p className="muted">… and {tasks.length - shown.length} more (the 200 longest are listed)</p>}
    </div>
  );
}
