import { useState } from 'react';
import type { MmuWindow } from '../../shared/api.ts';
import { formatDurationNs, formatPercent, formatTimestampNs } from '../render/format-time.ts';
import { useAsync, useStore } from '../hooks/use-store.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { MmuChart } from './mmu-chart.tsx';
import { normalizeMmuWindows } from './mmu-data.ts';
import { RangeScope } from './range-scope.tsx';
import { showOnTimeline } from './show-on-timeline.ts';

const INCLUDE: { flag: string; title: string }[] = [
  { flag: 'stw', title: 'STW' },
  { flag: 'background', title: 'Background workers' },
  { flag: 'assist', title: 'Mark assist' },
  { flag: 'sweep', title: 'Sweep' },
];

/** Minimum mutator utilization: the curve, options as in go tool trace, and the worst windows of a picked size. */
export function MmuPage({ session }: { session: TraceSession }) {
  const [flags, setFlags] = useState<string[]>(['stw', 'background', 'assist']);
  const [perGoroutine, setPerGoroutine] = useState(false);
  const [percentiles, setPercentiles] = useState(false);
  const [windowNs, setWindowNs] = useState<number | null>(null);
  const range = useStore(session.ui, (s) => s.range);
  const rangeKey = `${range?.startNs ?? ''}-${range?.endNs ?? ''}`;
  const all = perGoroutine ? [...flags, 'perproc'] : flags;
  const data = useAsync(`${all.join(',')}|${percentiles}|${rangeKey}`, (signal) => session.api.mmu(all, percentiles, range, signal));
  const worst = useAsync(`${all.join(',')}|${windowNs ?? ''}|${rangeKey}`, async (signal): Promise<MmuWindow[]> => {
    if (!windowNs) return [];
    return normalizeMmuWindows(await session.api.mmuWorstWindows(all, windowNs, range, signal), windowNs);
  });
  const toggle = (f: string) => setFlags((fs) => (fs.includes(f) ? fs.filter((x) => x !== f) : [...fs, f]));
  return (
    <div className="analysis-page" data-testid="mmu-page">
      <h1>Minimum mutator utilization</h1>
      <RangeScope session={session} />
      <div className="options">
        <span>
          View:{' '}
          <label>
            <input type="radio" checked={!perGoroutine} onChange={() => setPerGoroutine(false)} /> System
          </label>{' '}
          <label>
            <input type="radio" checked={perGoroutine} onChange={() => setPerGoroutine(true)} /> Per-goroutine
          </label>
        </span>
        <span>
          Include:{' '}
          {INCLUDE.map((i) => (
            <label key={i.flag}>
              <input type="checkbox" checked={flags.includes(i.flag)} onChange={() => toggle(i.flag)} /> {i.title}{' '}
            </label>
          ))}
        </span>
        <label>
          <input type="checkbox" checked={percentiles} onChange={() => setPercentiles(!percentiles)} /> Show percentiles
        </label>
      </div>
      {data.status === 'loading' && <p className="muted">Computing…</p>}
      {data.status === 'error' && <p className="error-text">{data.message}</p>}
      {data.status === 'done' && data.value.curve.length === 0 && (
        <p className="muted" data-testid="mmu-empty">
          {data.value.message ?? 'Nothing to plot.'}
        </p>
      )}
      {data.status === 'done' && data.value.curve.length > 0 && <MmuChart curve={data.value.curve} quantiles={data.value.quantiles} onPick={setWindowNs} />}
      {windowNs !== null && (
        <section data-testid="mmu-worst">
          <h2>Worst {formatDurationNs(windowNs)} windows</h2>
          {worst.status === 'loading' && <p className="muted">Loading…</p>}
          {worst.status === 'error' && <p className="error-text">{worst.message}</p>}
          {worst.status === 'done' && (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th>Utilization</th>
                  <th>Start</th>
                  <th>Duration</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {worst.value.map((w, i) => (
                  <tr key={i}>
                    <td>{formatPercent(w.util)}</td>
                    <td>{formatTimestampNs(w.startNs)}</td>
                    <td>{formatDurationNs(w.durationNs)}</td>
                    <td>
                      <button className="link" onClick={() => showOnTimeline(session, w.startNs, w.startNs + w.durationNs)}>
                        show on timeline
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
