import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { GoroutineRow } from '../../shared/api.ts';
import { formatCount, formatDurationNs, formatPercent } from '../render/format-time.ts';
import { groupColour } from '../render/palette.ts';
import { useAsync, useStore } from '../hooks/use-store.ts';
import { AnalysisPager, serverSortKey } from '../state/analysis-pager.ts';
import { revealGoroutine } from '../state/reveal-goroutine.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { goroutineColumns } from './goroutine-columns.tsx';
import { RangeScope } from './range-scope.tsx';
import { VirtualTable } from './virtual-table.tsx';

/**
 * Goroutine analysis (go tool trace's /goroutines and /goroutine pages in
 * one): the groups by start function, and for the chosen group each
 * goroutine's time split into execution, scheduler wait, syscall and blocking
 * by reason, for the whole trace or a selected range. The server sorts and
 * pages the rows, so a group of a million goroutines lists as fast as ten.
 */
export function GoroutinesPage({ session }: { session: TraceSession }) {
  const range = useStore(session.ui, (s) => s.range);
  const groupParam = useStore(session.ui, (s) => s.group);
  const sortParam = useStore(session.ui, (s) => s.sort);
  const sort = sortParam ?? { column: 'totalNs', descending: true };
  const group = groupParam ?? session.summary.groups[0]?.name ?? null;
  const rangeKey = `${range?.startNs ?? ''}-${range?.endNs ?? ''}`;
  const data = useAsync(`groups|${rangeKey}`, (signal) => session.api.goroutineAnalysis(range, { groupsOnly: true }, signal));
  const setGroup = (name: string) => session.ui.update((s) => ({ ...s, group: name }));

  // One pager per listing; a new range, group or sort starts a new one.
  const pagerKey = `${rangeKey}|${group}|${sort.column}|${sort.descending}`;
  const [pager, setPager] = useState<AnalysisPager | null>(null);
  useEffect(() => {
    if (group === null) return;
    const p = new AnalysisPager(session.api, range, { group, sort: serverSortKey(sort.column), order: sort.descending ? 'desc' : 'asc' });
    setPager(p);
    return () => p.dispose();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pagerKey]);
  const subscribe = useCallback((fn: () => void) => (pager ? pager.subscribe(fn) : () => {}), [pager]);
  const pagerState = useSyncExternalStore(subscribe, () => pager?.state ?? null);
  const rowAt = useCallback((i: number) => pager?.rowAt(i), [pager, pagerState]); // eslint-disable-line react-hooks/exhaustive-deps
  const onVisibleRows = useCallback((first: number, last: number) => pager?.ensure(first, last), [pager]);

  const reasons = pagerState?.blockReasons ?? [];
  const ranges = pagerState?.rangeNames ?? [];
  const open = useCallback((r: GoroutineRow) => void revealGoroutine(session, r.id, { groupName: r.group, showTimeline: true }), [session]);
  const columns = useMemo(() => goroutineColumns(reasons, ranges, open), [reasons, ranges, open]);

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
                {formatCount(data.value.groups.find((g) => g.name === group)?.count ?? 0)} goroutines · {formatPercent(data.value.groups.find((g) => g.name === group)?.execShare ?? 0)} of the execution time
              </p>
              {(pagerState === null || pagerState.status === 'loading') && <p className="muted">Loading the goroutines…</p>}
              {pagerState?.status === 'error' && <p className="error-text">{pagerState.message}</p>}
              {pagerState?.status === 'done' && (
                <VirtualTable
                  columns={columns}
                  rowCount={pagerState.total}
                  rowAt={rowAt}
                  onVisibleRows={onVisibleRows}
                  sort={sort}
                  onSort={(s) => session.ui.update((st) => ({ ...st, sort: s }))}
                  rowKey={(r) => r.id}
                  testId="goroutine-table"
                />
              )}
            </section>
          )}
        </div>
      )}
    </div>
  );
}
