import { useMemo, useState } from 'react';
import type { ProfileResponse } from '../../shared/api.ts';
import type { ProfileKind } from '../data/api-client.ts';
import { formatCount, formatDurationNs, formatPercent } from '../render/format-time.ts';
import { useAsync, useStore } from '../hooks/use-store.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { FlameGraph } from './flame-graph.tsx';
import { RangeScope } from './range-scope.tsx';
import { sortRows, type SortState } from './sort-rows.ts';
import type { TableColumn } from './virtual-table.tsx';
import { VirtualTable } from './virtual-table.tsx';

const KINDS: { kind: ProfileKind; title: string; about: string }[] = [
  { kind: 'net', title: 'Network', about: 'Time goroutines waited on the network.' },
  { kind: 'sync', title: 'Synchronization', about: 'Time goroutines blocked on channels, select, mutexes and other sync primitives.' },
  { kind: 'syscall', title: 'Syscall', about: 'Time goroutines spent in system calls.' },
  { kind: 'sched', title: 'Scheduler latency', about: 'Time goroutines were runnable but waited for a P.' },
];

type TopRow = ProfileResponse['top'][number];

const TOP_COLUMNS = (total: number): TableColumn<TopRow>[] => [
  { id: 'func', title: 'Function', widthPx: 420, value: (r) => r.func, numeric: false, render: (r) => <span title={r.file}>{r.func}</span> },
  { id: 'selfNs', title: 'Delay', widthPx: 100, value: (r) => r.selfNs, numeric: true, align: 'right', render: (r) => formatDurationNs(r.selfNs) },
  { id: 'share', title: 'Share', widthPx: 70, value: (r) => r.selfNs, numeric: true, align: 'right', render: (r) => formatPercent(total ? r.selfNs / total : 0) },
  { id: 'count', title: 'Waits', widthPx: 90, value: (r) => r.count, numeric: true, align: 'right', render: (r) => formatCount(r.count) },
];

/** The four blocking profiles as a flame graph and a top table, each downloadable as pprof. */
export function ProfilesPage({ session }: { session: TraceSession }) {
  const kind = useStore(session.ui, (s) => s.kind);
  const range = useStore(session.ui, (s) => s.range);
  const [sort, setSort] = useState<SortState>({ column: 'selfNs', descending: true });
  const data = useAsync(`${kind}|${range?.startNs ?? ''}-${range?.endNs ?? ''}`, (signal) => session.api.profile(kind, range, signal));
  const total = data.status === 'done' ? data.value.totalNs : 0;
  const columns = useMemo(() => TOP_COLUMNS(total), [total]);
  const top = data.status === 'done' ? sortRows(data.value.top, columns, sort) : [];
  const about = KINDS.find((k) => k.kind === kind)?.about;
  return (
    <div className="analysis-page" data-testid="profiles-page">
      <h1>Profiles</h1>
      <div className="button-group kind-tabs" role="tablist">
        {KINDS.map((k) => (
          <button key={k.kind} className={k.kind === kind ? 'active' : ''} onClick={() => session.ui.update((s) => ({ ...s, kind: k.kind }))} data-testid={`profile-${k.kind}`}>
            {k.title}
          </button>
        ))}
        <a className="button" href={session.api.profileDownloadUrl(kind, range)} download={`${kind}.pb.gz`} data-testid="pprof-download">
          ⬇ Download pprof
        </a>
      </div>
      <RangeScope session={session} />
      <p className="muted">{about}</p>
      {data.status === 'loading' && <p className="muted">Loading…</p>}
      {data.status === 'error' && <p className="error-text">{data.message}</p>}
      {data.status === 'done' && (
        <>
          <p>
            Total {formatDurationNs(data.value.totalNs)} in {formatCount(data.value.count)} waits.
          </p>
          {data.value.totalNs > 0 ? <FlameGraph key={`${kind}|${range?.startNs ?? ''}`} root={data.value.root} /> : <p className="muted">Nothing in this profile for this range.</p>}
          <h2>Top functions</h2>
          <VirtualTable columns={columns} rows={top} sort={sort} onSort={setSort} rowKey={(r) => `${r.func}|${r.file}`} heightPx={360} testId="profile-top" />
        </>
      )}
    </div>
  );
}
