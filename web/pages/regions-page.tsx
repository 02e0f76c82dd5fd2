import type { RegionTypeSummary } from '../../shared/api.ts';
import { formatCount, formatDurationNs, formatTimestampNs } from '../render/format-time.ts';
import { useAsync, useStore } from '../hooks/use-store.ts';
import { revealGoroutine } from '../state/reveal-goroutine.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { AnnotationTypesTable, longestInBucket } from './annotation-types-table.tsx';
import { RangeScope } from './range-scope.tsx';
import { showOnTimeline } from './show-on-timeline.ts';

/** User regions by type: counts, duration histograms, and each region's time breakdown, linked to the timeline. */
export function RegionsPage({ session }: { session: TraceSession }) {
  const range = useStore(session.ui, (s) => s.range);
  const data = useAsync(`${range?.startNs ?? ''}-${range?.endNs ?? ''}`, (signal) => session.api.regions(range, signal));
  return (
    <div className="analysis-page" data-testid="regions-page">
      <h1>User regions</h1>
      <RangeScope session={session} />
      {data.status === 'loading' && <p className="muted">Loading…</p>}
      {data.status === 'error' && <p className="error-text">{data.message}</p>}
      {data.status === 'done' && data.value.types.length === 0 && <p className="muted">This trace has no user regions (runtime/trace.WithRegion, StartRegion).</p>}
      {data.status === 'done' && data.value.types.length > 0 && (
        <AnnotationTypesTable
          types={data.value.types}
          testId="region-types"
          typeTitle="Region type"
          histogramTitle="Duration distribution"
          renderList={(t, picked) => <RegionList session={session} type={t} picked={picked} />}
        />
      )}
    </div>
  );
}

function RegionList({ session, type, picked }: { session: TraceSession; type: RegionTypeSummary; picked: number | null }) {
  const { items: regions } = longestInBucket(type.regions, type.histogram, picked);
  const shown = regions.slice(0, 300);
  return (
    <table className="data-table compact" data-testid="region-list">
      <thead>
        <tr>
          <th>Goroutine</th>
          <th className="right">Task</th>
          <th>Start</th>
          <th className="right">Duration</th>
          <th className="right">Execution</th>
          <th className="right">Blocked</th>
          <th className="right">Sched wait</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {shown.map((r, i) => (
          <tr key={i}>
            <td>
              <button className="link" onClick={() => void revealGoroutine(session, r.goroutine, { timeNs: r.startNs, showTimeline: true })}>
                G{r.goroutine}
              </button>
            </td>
            <td className="right">{r.task > 0 ? r.task : ''}</td>
            <td>{formatTimestampNs(r.startNs)}</td>
            <td className="right">{formatDurationNs(r.durationNs)}</td>
            <td className="right">{formatDurationNs(r.execNs)}</td>
            <td className="right">{formatDurationNs(r.blockNs)}</td>
            <td className="right">{formatDurationNs(r.schedWaitNs)}</td>
            <td>
              <button className="link" onClick={() => showOnTimeline(session, r.startNs, r.endNs)}>
                timeline
              </button>
            </td>
          </tr>
        ))}
        {regions.length > shown.length && (
          <tr>
            <td colSpan={8} className="muted">
              … and {formatCount(regions.length - shown.length)} more (the longest are listed)
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
