import { useCallback, useMemo, useState } from 'react';
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

/** Groups with more goroutines than this are listed only on request. */
const MAX_LISTED = 50_000;
/**
 * Asks the server for the groups without any goroutine rows: no start
 * function is a single space, so no goroutine matches.
 */
const GROUPS_ONLY = ' ';

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
  const [forced, setForced] = useState<string | null>(null);
  const groupCount = session.summary.groups.find((g) => g.name === group)?.count ?? 0;
  // A group of a million goroutines would be a response of hundreds of MB: list it only when asked.
  const listed = group !== null && (groupCount <= MAX_LISTED || forced === group);
  const rangeKey = `${range?.startNs ?? ''}-${range?.endNs ?? ''}`;
  const data = useAsync(`groups|${rangeKey}`, (signal) => session.api.goroutineAnalysis(range, GROUPS_ONLY, signal));
  const members = useAsync(`members|${rangeKey}|${listed ? group : ''}`, (signal) => (listed ? session.api.goroutineAnalysis(range, group, signal) : Promise.resolve(null)));
  const setGroup = (name: string) => session.ui.update((s) => ({ ...s, group: name }));

  const rows = useMemo(() => (members.status === 'done' && members.value ? members.value.goroutines.filter((g) => g.group === group) : []), [members, group]);
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
                {formatCount(data.value.groups.find((g) => g.name === group)?.count ?? 0)} goroutines · {formatPercent(data.value.groups.find((g) => g.name === group)?.execShare ?? 0)} of the execution time
              </p>
              {!listed && (
                <p>
                  {formatCount(groupCount)} goroutines are too many to list at once.{' '}
                  <button onClick={() => setForced(group)}>List them anyway</button>
                </p>
              )}
              {members.status === 'loading' && <p className="muted">Loading the goroutines…</p>}
              {members.status === 'error' && <p className="error-text">{members.message}</p>}
              {listed && members.status === 'done' && <VirtualTable columns={columns} rows={sorted} sort={sort} onSort={(s) => session.ui.update((st) => ({ ...st, sort: s }))} rowKey={(r) => r.id} testId="goroutine-table" />}
            </section>
          )}
        </div>
      )}
    </div>
  );
}
