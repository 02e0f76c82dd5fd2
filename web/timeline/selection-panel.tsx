import { formatDurationNs, formatPercent, formatTimestampNs } from '../render/format-time.ts';
import { useStore } from '../hooks/use-store.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { RatioBar, stateColour } from '../pages/ratio-bar.tsx';

/** The dragged time range: duration, goroutine time by state, GC and STW time, top blocking reasons, links to scoped analyses. */
export function SelectionPanel({ session }: { session: TraceSession }) {
  const selection = useStore(session.ui, (s) => s.selection);
  const summary = useStore(session.details.store, (s) => s.range);
  if (!selection) return null;
  const dur = selection.endNs - selection.startNs;
  const open = (page: 'goroutines' | 'profiles') => session.ui.update((s) => ({ ...s, page, range: selection }));
  const total = summary.status === 'done' ? Object.values(summary.value.stateNs).reduce((a, b) => a + b, 0) : 0;
  return (
    <section className="panel selection-panel" data-testid="selection-panel">
      <div className="panel-head">
        <h2>Selected range</h2>
        <button onClick={() => session.ui.update((s) => ({ ...s, selection: null }))} aria-label="Clear the selection">
          ×
        </button>
      </div>
      <table className="facts">
        <tbody>
          <tr>
            <th>Duration</th>
            <td data-testid="selection-duration">{formatDurationNs(dur)}</td>
          </tr>
          <tr>
            <th>From</th>
            <td>{formatTimestampNs(selection.startNs)}</td>
          </tr>
          <tr>
            <th>To</th>
            <td>{formatTimestampNs(selection.endNs)}</td>
          </tr>
        </tbody>
      </table>
      {summary.status === 'loading' && <p className="muted">Summarizing…</p>}
      {summary.status === 'idle' && <p className="muted">Release the mouse to summarize the range.</p>}
      {summary.status === 'error' && <p className="error-text">{summary.message}</p>}
      {summary.status === 'done' && (
        <>
          <h3>Goroutine time by state</h3>
          <RatioBar parts={Object.entries(summary.value.stateNs).map(([name, ns]) => ({ name, ns, colour: stateColour(name) }))} />
          <table className="facts compact" data-testid="selection-states">
            <tbody>
              {Object.entries(summary.value.stateNs)
                .filter(([, ns]) => ns > 0)
                .sort((a, b) => b[1] - a[1])
                .map(([name, ns]) => (
                  <tr key={name}>
                    <th>
                      <i className="swatch" style={{ background: stateColour(name) }} /> {name}
                    </th>
                    <td>
                      {formatDurationNs(ns)} <span className="muted">{formatPercent(total ? ns / total : 0)}</span>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <table className="facts compact">
            <tbody>
              <tr>
                <th>GC</th>
                <td data-testid="selection-gc">
                  {formatDurationNs(summary.value.gcNs)} <span className="muted">{formatPercent(dur ? summary.value.gcNs / dur : 0)} of the range</span>
                </td>
              </tr>
              <tr>
                <th>Stop-the-world</th>
                <td>
                  {formatDurationNs(summary.value.stwNs)} <span className="muted">{formatPercent(dur ? summary.value.stwNs / dur : 0)}</span>
                </td>
              </tr>
            </tbody>
          </table>
          {summary.value.topBlocking.length > 0 && (
            <>
              <h3>Top blocking reasons</h3>
              <table className="facts compact" data-testid="selection-blocking">
                <tbody>
                  {summary.value.topBlocking.map((b) => (
                    <tr key={b.reason}>
                      <th>{b.reason}</th>
                      <td>{formatDurationNs(b.ns)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
      <div className="panel-actions">
        <button onClick={() => session.viewport.fit(selection.startNs, selection.endNs)}>Zoom to range</button>
        <button onClick={() => open('goroutines')} data-testid="open-range-goroutines">
          Goroutine analysis for this range
        </button>
        <button onClick={() => open('profiles')} data-testid="open-range-profiles">
          Profiles for this range
        </button>
      </div>
    </section>
  );
}
