import { useEffect, useState } from 'react';
import type { TaskDetail } from '../../shared/flow-api.ts';
import { parseLaneId, taskLane } from '../../shared/lanes.ts';
import { useStore } from '../hooks/use-store.ts';
import { formatCount, formatDurationNs, formatTimestampNs } from '../render/format-time.ts';
import { focusTask } from '../state/focus-task.ts';
import { revealGoroutine } from '../state/reveal-goroutine.ts';
import type { TraceSession } from '../state/trace-session.ts';

/** Goroutine and child links listed before "+N more" (a task may fan out to thousands). */
const MAX_LINKS = 40;

type Load = { status: 'loading' } | { status: 'done'; value: TaskDetail | null } | { status: 'error'; message: string };

/** The selected task lane's task: type, parent and children, times, goroutines, logs; Focus opens its goroutines. */
export function TaskPanel({ session }: { session: TraceSession }) {
  const span = useStore(session.ui, (s) => s.span);
  const flowsOn = useStore(session.ui, (s) => s.flows);
  const id = span ? parseLaneId(span.lane).num : Number.NaN;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    if (!Number.isFinite(id)) return;
    const ctl = new AbortController();
    setLoad({ status: 'loading' });
    session.api.task(id, ctl.signal).then(
      (value) => {
        if (ctl.signal.aborted) return;
        setLoad({ status: 'done', value });
        // The outline follows the task's exact bounds (the chunk's may be merged or clipped).
        const now = session.ui.get().span;
        if (value && now && now.lane === taskLane(id)) {
          const startNs = Math.max(0, value.startNs);
          const endNs = value.endNs >= 0 ? value.endNs : session.summary.durationNs;
          if (now.startNs !== startNs || now.endNs !== endNs) session.ui.set({ ...session.ui.get(), span: { ...now, startNs, endNs } });
        }
      },
      (e: unknown) => !ctl.signal.aborted && setLoad({ status: 'error', message: (e as Error).message }),
    );
    return () => ctl.abort();
  }, [session, id]);
  if (!span) return null;
  const close = () => session.ui.update((s) => ({ ...s, span: null }));
  const select = (task: number) => session.ui.update((s) => ({ ...s, span: { lane: taskLane(task), timeNs: 0, startNs: 0, endNs: 0, count: 1 } }));
  const d = load.status === 'done' ? load.value : null;
  return (
    <section className="panel detail-panel" data-testid="detail-panel">
      <div className="panel-head">
        <h2>Task</h2>
        <button onClick={close} aria-label="Close task details">
          ×
        </button>
      </div>
      {load.status === 'loading' && <p className="muted">Loading…</p>}
      {load.status === 'error' && <p className="error-text">{load.message}</p>}
      {load.status === 'done' && !d && <p className="muted">No task {id} in this trace.</p>}
      {d && (
        <>
          <table className="facts" data-testid="task-detail">
            <tbody>
              <tr>
                <th>Task</th>
                <td data-testid="detail-task">
                  T{d.id} {d.name}
                </td>
              </tr>
              <tr>
                <th>Parent</th>
                <td data-testid="detail-task-parent">
                  {d.parent > 0 ? (
                    <button className="link" onClick={() => select(d.parent)}>
                      T{d.parent}
                    </button>
                  ) : (
                    <span className="muted">none</span>
                  )}
                </td>
              </tr>
              <tr>
                <th>Start</th>
                <td>{d.startNs >= 0 ? formatTimestampNs(d.startNs) : 'before the trace'}</td>
              </tr>
              <tr>
                <th>Duration</th>
                <td data-testid="detail-duration">
                  {formatDurationNs(d.durationNs)}
                  {(d.startNs < 0 || d.endNs < 0) && <span className="muted"> (in the trace)</span>}
                </td>
              </tr>
              <tr>
                <th>End</th>
                <td>{d.endNs >= 0 ? formatTimestampNs(d.endNs) : 'after the trace'}</td>
              </tr>
              <tr>
                <th>Goroutines</th>
                <td data-testid="detail-task-goroutines">
                  <Links ids={d.goroutines} prefix="G" onClick={(g) => void revealGoroutine(session, g, { timeNs: Math.max(0, d.startNs) })} />
                </td>
              </tr>
              <tr>
                <th>Children</th>
                <td data-testid="detail-task-children">
                  <Links ids={d.children} prefix="T" onClick={select} />
                </td>
              </tr>
            </tbody>
          </table>
          <div className="panel-actions">
            <button onClick={() => void focusTask(session, d)} title="Zoom to the task and open the lanes of its goroutines (go tool trace's focustask)" data-testid="focus-task">
              Focus
            </button>
            <button onClick={() => session.ui.update((s) => ({ ...s, flows: true }))} disabled={flowsOn} title="Show the arrows to its parent and children tasks">
              Show arrows
            </button>
          </div>
          {d.logCount > 0 && (
            <div className="task-logs" data-testid="detail-task-logs">
              <h3>
                Logs ({formatCount(d.logCount)}
                {d.logCount > d.logs.length ? `, the first ${d.logs.length}` : ''})
              </h3>
              <table className="facts">
                <tbody>
                  {d.logs.map((l, i) => (
                    <tr key={i}>
                      <th>{formatTimestampNs(l.timeNs)}</th>
                      <td>
                        {l.goroutine >= 0 ? `G${l.goroutine} ` : ''}
                        {l.category ? `[${l.category}] ` : ''}
                        {l.message}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Links({ ids, prefix, onClick }: { ids: number[]; prefix: string; onClick: (id: number) => void }) {
  if (ids.length === 0) return <span className="muted">none</span>;
  return (
    <>
      {ids.slice(0, MAX_LINKS).map((id) => (
        <span key={id}>
          <button className="link" onClick={() => onClick(id)}>
            {prefix}
            {id}
          </button>{' '}
        </span>
      ))}
      {ids.length > MAX_LINKS && <span className="muted"> +{formatCount(ids.length - MAX_LINKS)} more</span>}
    </>
  );
}
