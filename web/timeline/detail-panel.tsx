import { formatCount, formatDurationNs, formatTimestampNs } from '../render/format-time.ts';
import { useStore } from '../hooks/use-store.ts';
import { revealGoroutine } from '../state/reveal-goroutine.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { AnnotationPanel } from './annotation-panel.tsx';
import { RelatedGoroutinesSection } from './related-goroutines.tsx';
import { StackView } from './stack-view.tsx';
import { TaskPanel } from './task-panel.tsx';

/** The selected span: goroutine, state, reason, times, stacks, links to its creator and unblocker, and its goroutine's related goroutines. */
export function DetailPanel({ session }: { session: TraceSession }) {
  const span = useStore(session.ui, (s) => s.span);
  const detail = useStore(session.details.store, (s) => s.span);
  if (!span) return null;
  if (span.item) return <AnnotationPanel session={session} />;
  if (span.lane.startsWith('task:')) return <TaskPanel session={session} />;
  const close = () => session.ui.update((s) => ({ ...s, span: null }));
  const zoom = (startNs: number, endNs: number) => session.viewport.fit(startNs, endNs);
  const jump = (g: number, timeNs: number) => void revealGoroutine(session, g, { timeNs });
  return (
    <section className="panel detail-panel" data-testid="detail-panel">
      <div className="panel-head">
        <h2>Span</h2>
        <button onClick={close} aria-label="Close span details">
          ×
        </button>
      </div>
      {span.count > 1 && (
        <p className="note">
          {formatCount(span.count)} spans are merged here ({formatDurationNs(span.endNs - span.startNs)}).{' '}
          <button className="link" onClick={() => zoom(span.startNs, span.endNs)}>
            Zoom in
          </button>{' '}
          to see them one by one; below is the span at the clicked time.
        </p>
      )}
      {detail.status === 'loading' && <p className="muted">Loading…</p>}
      {detail.status === 'error' && <p className="error-text">{detail.message}</p>}
      {detail.status === 'done' && detail.value === null && (
        <table className="facts" data-testid="detail-from-chunk">
          <tbody>
            <tr>
              <th>Lane</th>
              <td>{span.lane}</td>
            </tr>
            {span.text && (
              <tr>
                <th>What</th>
                <td data-testid="detail-state">{span.text}</td>
              </tr>
            )}
            <tr>
              <th>Start</th>
              <td>{formatTimestampNs(span.startNs)}</td>
            </tr>
            <tr>
              <th>Duration</th>
              <td data-testid="detail-duration">{formatDurationNs(span.endNs - span.startNs)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {detail.status === 'done' && detail.value && (
        <>
          <table className="facts">
            <tbody>
              {detail.value.goroutine !== null && (
                <tr>
                  <th>Goroutine</th>
                  <td data-testid="detail-goroutine">
                    <button className="link" onClick={() => jump(detail.value!.goroutine!, span.timeNs)} title="Show this goroutine's lane">
                      G{detail.value.goroutine}
                    </button>{' '}
                    {detail.value.goroutineName}
                  </td>
                </tr>
              )}
              <tr>
                <th>State</th>
                <td data-testid="detail-state">{detail.value.state}</td>
              </tr>
              {detail.value.reason && (
                <tr>
                  <th>Reason</th>
                  <td data-testid="detail-reason">{detail.value.reason}</td>
                </tr>
              )}
              <tr>
                <th>Start</th>
                <td>{formatTimestampNs(detail.value.startNs)}</td>
              </tr>
              <tr>
                <th>Duration</th>
                <td data-testid="detail-duration">{formatDurationNs(detail.value.endNs - detail.value.startNs)}</td>
              </tr>
              <tr>
                <th>End</th>
                <td>{formatTimestampNs(detail.value.endNs)}</td>
              </tr>
              {detail.value.proc !== null && (
                <tr>
                  <th>Proc</th>
                  <td>P{detail.value.proc}</td>
                </tr>
              )}
              <tr>
                <th>Lane</th>
                <td>{detail.value.lane}</td>
              </tr>
              <tr>
                <th>Created by</th>
                <td data-testid="detail-creator">
                  {detail.value.creator ? (
                    <button className="link" onClick={() => jump(detail.value!.creator!.goroutine, detail.value!.creator!.timeNs)}>
                      G{detail.value.creator.goroutine} at {formatTimestampNs(detail.value.creator.timeNs)}
                    </button>
                  ) : (
                    <span className="muted">unknown (before the trace)</span>
                  )}
                </td>
              </tr>
              <tr>
                <th>Unblocked by</th>
                <td data-testid="detail-unblocker">
                  {detail.value.unblockedBy ? (
                    <button className="link" onClick={() => jump(detail.value!.unblockedBy!.goroutine, detail.value!.unblockedBy!.timeNs)}>
                      G{detail.value.unblockedBy.goroutine} at {formatTimestampNs(detail.value.unblockedBy.timeNs)}
                    </button>
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
              </tr>
            </tbody>
          </table>
          <div className="panel-actions">
            <button onClick={() => zoom(detail.value!.startNs, detail.value!.endNs)}>Zoom to span</button>
            <button
              onClick={() => {
                const range = { startNs: detail.value!.startNs, endNs: detail.value!.endNs };
                session.ui.update((s) => ({ ...s, selection: range }));
                session.details.loadRange(range);
              }}
            >
              Select its time
            </button>
          </div>
          {detail.value.goroutine !== null && <RelatedGoroutinesSection session={session} goroutine={detail.value.goroutine} />}
          <StackView title="Start stack" frames={detail.value.startStack} testId="start-stack" />
          <StackView title="End stack" frames={detail.value.endStack} testId="end-stack" />
        </>
      )}
    </section>
  );
}
