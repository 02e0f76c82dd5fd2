import type { GoroutineRow } from '../../shared/api.ts';
import { formatDurationNs } from '../render/format-time.ts';
import { RatioBar, stateColour, type RatioPart } from './ratio-bar.tsx';
import type { TableColumn } from './virtual-table.tsx';

/** The non-overlapping parts of a goroutine's time, in go tool trace's order. */
export function timeParts(r: GoroutineRow, reasons: readonly string[]): RatioPart[] {
  return [
    { name: 'execution', ns: r.execNs, colour: stateColour('execution') },
    { name: 'sched wait', ns: r.schedWaitNs, colour: stateColour('sched wait') },
    { name: 'syscall execution', ns: r.syscallNs, colour: stateColour('syscall') },
    ...reasons.map((reason) => ({ name: reason || '(no reason)', ns: r.blockNs[reason] ?? 0, colour: stateColour(reason) })),
    { name: 'unknown', ns: r.unknownNs, colour: stateColour('unknown') },
  ];
}

/** Block reasons and special ranges present in these rows, largest total first. */
export function presentKeys(rows: readonly GoroutineRow[], pick: (r: GoroutineRow) => Record<string, number>): string[] {
  const totals = new Map<string, number>();
  for (const r of rows) for (const [k, v] of Object.entries(pick(r))) totals.set(k, (totals.get(k) ?? 0) + v);
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

const dur = (ns: number) => (ns > 0 ? formatDurationNs(ns) : '–');

export function goroutineColumns(reasons: string[], ranges: string[], onOpen: (r: GoroutineRow) => void): TableColumn<GoroutineRow>[] {
  return [
    {
      id: 'id',
      title: 'Goroutine',
      widthPx: 90,
      value: (r) => r.id,
      numeric: false,
      render: (r) => (
        <button className="link" onClick={() => onOpen(r)} title="Show its lane on the timeline" data-testid="goroutine-link">
          G{r.id}
        </button>
      ),
    },
    { id: 'totalNs', title: 'Total', widthPx: 80, value: (r) => r.totalNs, numeric: true, align: 'right', render: (r) => dur(r.totalNs) },
    { id: 'bar', title: 'Breakdown', widthPx: 200, value: (r) => r.execNs / Math.max(1, r.totalNs), numeric: true, render: (r) => <RatioBar parts={timeParts(r, reasons)} /> },
    { id: 'execNs', title: 'Execution', widthPx: 90, value: (r) => r.execNs, numeric: true, align: 'right', render: (r) => dur(r.execNs) },
    { id: 'schedWaitNs', title: 'Sched wait', widthPx: 90, value: (r) => r.schedWaitNs, numeric: true, align: 'right', render: (r) => dur(r.schedWaitNs) },
    { id: 'syscallNs', title: 'Syscall', widthPx: 90, value: (r) => r.syscallNs, numeric: true, align: 'right', render: (r) => dur(r.syscallNs) },
    ...reasons.map(
      (reason): TableColumn<GoroutineRow> => ({
        id: `block:${reason}`,
        title: `Block (${reason || 'no reason'})`,
        widthPx: 120,
        value: (r) => r.blockNs[reason] ?? 0,
        numeric: true,
        align: 'right',
        render: (r) => dur(r.blockNs[reason] ?? 0),
      }),
    ),
    { id: 'unknownNs', title: 'Unknown', widthPx: 80, value: (r) => r.unknownNs, numeric: true, align: 'right', render: (r) => dur(r.unknownNs) },
    ...ranges.map(
      (name): TableColumn<GoroutineRow> => ({
        id: `range:${name}`,
        title: name,
        widthPx: 130,
        value: (r) => r.rangeNs[name] ?? 0,
        numeric: true,
        align: 'right',
        render: (r) => dur(r.rangeNs[name] ?? 0),
      }),
    ),
  ];
}
