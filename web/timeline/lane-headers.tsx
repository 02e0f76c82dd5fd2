import { useSyncExternalStore } from 'react';
import { formatCount, formatDurationNs } from '../render/format-time.ts';
import { groupColour, seriesColour } from '../render/palette.ts';
import { useStore } from '../hooks/use-store.ts';
import type { LaneLayout, Row } from '../state/lane-layout.ts';
import type { Store } from '../state/store.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { toggleGroup } from '../state/ui-store.ts';
import { laneIdOf } from './lane-ids.ts';

export const HEADER_WIDTH_PX = 240;

/**
 * The names on the left of the lanes, only for the rows on screen (the layout
 * may have 100 000 rows). Group headers expand and collapse their goroutines.
 */
export function LaneHeaders({ session, layout, scrollState }: { session: TraceSession; layout: LaneLayout; scrollState: Store<{ topPx: number; heightPx: number }> }) {
  // Vertical scrolling re-renders only this list.
  const { topPx: scrollTopPx, heightPx } = useStore(scrollState);
  // Goroutine names arrive a page at a time.
  useSyncExternalStore(
    (l) => session.directory.subscribe(l),
    () => session.directory.version,
  );
  const rows = layout.rowsIn(scrollTopPx, scrollTopPx + heightPx);
  return (
    <div className="lane-headers" data-testid="lanes-header" style={{ width: HEADER_WIDTH_PX, height: heightPx }}>
      {rows.map((row) => (
        <div key={row.key} className={`lane-header lane-header-${row.kind}`} style={{ transform: `translateY(${row.yPx - scrollTopPx}px)`, height: row.heightPx }} data-lane={row.laneId ?? laneIdOf(row, session.directory)}>
          <HeaderContent session={session} row={row} />
        </div>
      ))}
    </div>
  );
}

function HeaderContent({ session, row }: { session: TraceSession; row: Row }) {
  const { summary } = session;
  switch (row.kind) {
    case 'section':
      if (row.expanded !== undefined) return <TasksToggle session={session} row={row} />;
      return <span className="section-title">{row.title}</span>;
    case 'lane': {
      const series = summary.lanes.find((l) => l.id === row.laneId)?.series;
      return (
        <>
          <span className="lane-title">{row.title}</span>
          {series && (
            <span className="legend">
              {series.map((s, i) => (
                <span key={s} className="legend-item" title={s}>
                  <i style={{ background: seriesColour(s, i) }} />
                  {s}
                </span>
              ))}
            </span>
          )}
        </>
      );
    }
    case 'group': {
      const g = summary.groups[row.group!];
      return (
        <button
          className="group-toggle"
          data-testid="group-toggle"
          aria-expanded={row.expanded}
          title={`${g.name}: ${g.count} goroutines, ${formatDurationNs(g.execNs)} executing`}
          onClick={() => session.ui.update((s) => toggleGroup(s, row.group!))}
        >
          <span className="chevron">{row.expanded ? '▾' : '▸'}</span>
          <i className="swatch" style={{ background: groupColour(row.group!) }} />
          <span className="group-name">{row.title}</span>
          <span className="group-count">{row.count !== undefined && row.count < g.count ? `${formatCount(row.count)} of ${formatCount(g.count)}` : formatCount(g.count)}</span>
        </button>
      );
    }
    case 'goroutine': {
      const item = session.directory.get(row.group!, row.member!);
      // Rows of a lane focus know their goroutine before its page of the directory loads.
      if (!item) return <span className="lane-title muted">{row.title || '…'}</span>;
      return (
        <span className="lane-title" title={`G${item.id}${item.label ? ` ${item.label}` : ''} · ${formatDurationNs(item.execNs)} executing`}>
          G{item.id}
          {item.label && <span className="muted"> {item.label}</span>}
        </span>
      );
    }
  }
}

/** The TASKS section header: opens and closes the task lanes; says when the summary listed only the first tasks. */
function TasksToggle({ session, row }: { session: TraceSession; row: Row }) {
  const total = session.summary.taskCount ?? row.count ?? 0;
  const listed = row.count ?? 0;
  return (
    <button
      className="group-toggle section-toggle"
      data-testid="tasks-toggle"
      aria-expanded={row.expanded}
      title={listed < total ? `${formatCount(total)} user tasks; the first ${formatCount(listed)} by begin time have lanes` : `${formatCount(total)} user tasks`}
      onClick={() => session.ui.update((s) => ({ ...s, tasksExpanded: !s.tasksExpanded }))}
    >
      <span className="chevron">{row.expanded ? '▾' : '▸'}</span>
      <span className="section-title">{row.title}</span>
      <span className="group-count">{listed < total ? `${formatCount(listed)} of ${formatCount(total)}` : formatCount(total)}</span>
    </button>
  );
}
