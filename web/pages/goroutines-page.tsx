import { useCallback, useMemo } from 'react';
import type { GoroutineRow } from '../../shared/api.ts';
import { formatCount, formatDurationNs, formatPercent } from '../render/format-time.ts';
import { groupColour } from '../render/palette.ts';
import { useAsync, useStore } from '../hooks/use-store.ts';
import { revealGoroutine } from '../state/reveal-goroutine.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { goroutineColumns, presentKeys } from './goroutine-columns.tsx';
import { RangeScope } from './range-scope.tsx';
import { sortRows } from './sort-rows.ts';
import { VirtualTable } from './virtual-table.tsx';

/**
 * Goroutine analysis (go tool trace's /goroutines and /goroutine pages in
 * one): the groups by start function, and for the chosen group each
 * goroutine's time split into execution, scheduler wait, syscall and blocking
 * by reason, for the whole trace or a selected range.
 */
export function GoroutinesPage({ session }: { session: TraceSession }) {
  const range = useStore(session.ui, (s) => s.range);
  const groupParam = useStore(session.ui, (s) => s.group);
  const sort = useStore(session.ui, (s) => s.sort);
  const group = groupParam ?? session.summary.groups[0]?.name ?? null;
  const key = `${range?.startNs ?? ''}-${range?.endNs ?? ''}|${group ?? ''}`;
  const data = useAsync(key, (signal) => session.api.goroutineAnalysis(range, group, signal));
  const setGroup = (name: string) => session.ui.update((s) => ({ ...s, group: name }));

  const rows = data.status === 'done' ? data.value.goroutines.filter((g) => g.group === group) : [];
  const reasons = useMemo(() => presentKeys(rows, (r) => r.blockNs), [rows]);
  const ranges = useMemo(() => presentKeys(rows, (r) => r.rangeNs), [rows]);
  const open = useCallback((r: GoroutineRow) => void revealGoroutine(session, r.id, { groupName: r.group, showTimeline: true }), [session]);
  const columns = useMemo(() => goroutineColumns(reasons, ranges, open), [reasons, ranges, open]);
  const sorted = useMemo(() => sortRows(rows, columns, sort ?? { column: 'totalNs', descending: true }), [rows, columns, sort]);

  return (
    <div className="analysis-page" data-testid="goroutines-page">
      <h1>Goroutine analysis</h1>
      <RangeScope session={session} />
      {data.status === 'loading' && <p className="muted">Analysing…</p>}
      {data.status === 'error' && <p className="error-text">{data.message}</p>}
      {data.status === 'done' && (
        <div className="goroutine-analysis">
          <section className="groups-table">
            <h2>Groups by start function</h2>
            <table className="data-table" data-testid="goroutine-groups">
              <thead>
                <tr>
                  <th>Start location</th>
                  <th className="right">Count</th>
                  <th className="right">Execution time</th>
                  <th>Share</th>
                </tr>
              </thead>
              <tbody>
                {data.value.groups.map((g) => (
                  <tr key={g.name} className={g.name === group ? 'selected' : ''} onClick={() => setGroup(g.name)}>
                    <td>
                      <i className="swatch" style={{ background: groupColour(session.summary.groups.findIndex((x) => x.name === g.name)) }} />
                      <button className="link" onClick={() => setGroup(g.name)}>
                        {g.name || '(unknown)'}
                      </button>
                    </td>
                    <td className="right">{formatCount(g.count)}</td>
                    <td className="right">{formatDurationNs(g.execNs)}</td>
                    <td>
                      <div className="share-bar">
                        <span style={{ width: `${Math.max(0.5, g.execShare * 100)}%` }} />
                      </div>
                      <span className="muted">{formatPercent(g.execShare)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {group !== null && (
            <section className="group-breakdown" data-testid="goroutine-breakdown">
              <h2>{group || '(unknown)'}</h2>
              <p className="muted">
                {formatCount(rows.length)} goroutines · {formatPercent(data.value.groups.find((g) => g.name === group)?.execShare ?? 0)} of the execution time
              </p>
              <VirtualTable columns={columns} rows={sorted} sort={sort} onSort={(s) => session.ui.update((st) => ({ ...st, sort: s }))} rowKey={(r) => r.id} testId="goroutine-table" />
            </section>
          )}
        </div>
      )}
    </div>
  );
}
