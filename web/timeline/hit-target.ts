/**
 * What is under a point of the timeline canvas: the row, its lane, and the
 * span, marker or counter bucket there, with a one-line description for the
 * hover tooltip.
 */
import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { SPAN_STATE_NAMES, SpanState } from '../../shared/states.ts';
import { quantizeNsPerPx } from '../data/chunk-window.ts';
import { counterSeries } from '../render/draw-counter-lane.ts';
import { formatBytes, formatCount, formatDurationNs } from '../render/format-time.ts';
import { counterBucketAt, markerIndexAt, spanIndexAt } from '../render/hit-test.ts';
import type { TimeScale } from '../render/time-scale.ts';
import type { Row } from '../state/lane-layout.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { laneIdOf } from './lane-ids.ts';
import { trackItemAt, type TrackItem } from './track-hit.ts';

export interface HitTarget {
  row: Row;
  laneId: string | undefined;
  timeNs: number;
  lane: LaneChunk | null;
  /** Span, marker or bucket index in `lane`, -1 for none. */
  index: number;
  text: string;
  /** A region, CPU sample or log of the lane's tracks (then lane/index are unset). */
  item?: TrackItem;
}

/** yInRowPx: the pointer's offset from the row's top (-1: unknown, spans only). */
export function hitTarget(session: TraceSession, scale: TimeScale, row: Row, xPx: number, yInRowPx = -1): HitTarget {
  const timeNs = scale.pxToTime(xPx);
  const laneId = laneIdOf(row, session.directory);
  const base: HitTarget = { row, laneId, timeNs, lane: null, index: -1, text: '' };
  if (!laneId) return base;
  const slopNs = 2 * scale.nsPerPx;
  const layers = session.cache.layers(laneId, timeNs - slopNs, timeNs + slopNs, quantizeNsPerPx(scale.nsPerPx));
  if (yInRowPx >= 0) {
    const { item, spansBelow } = trackItemAt(session, row, layers.map((l) => l.piece.lane), timeNs, slopNs, yInRowPx);
    if (item) return { ...base, item, text: item.text };
    if (!spansBelow) return base;
  }
  for (const layer of layers) {
    const lane = layer.piece.lane;
    const index = lane.kind === 'spans' ? spanIndexAt(lane, timeNs, slopNs) : lane.kind === 'markers' ? markerIndexAt(lane, timeNs, slopNs) : counterBucketAt(lane, timeNs);
    if (index >= 0) return { ...base, lane, index, text: describe(session, lane, index) };
  }
  return base;
}

export function describe(session: TraceSession, lane: LaneChunk, i: number): string {
  const a = lane.arrays;
  const { summary } = session;
  if (lane.kind === 'counter') {
    const heap = lane.id === 'stats:heap';
    const fmt = (v: number) => (heap ? formatBytes(v) : formatCount(v));
    return counterSeries(lane)
      .map((s) => {
        const mn = a[`${s}.min`]?.[i] ?? 0;
        const mx = a[`${s}.max`]?.[i] ?? 0;
        return `${s} ${mn === mx ? fmt(mx) : `${fmt(mn)}–${fmt(mx)}`}`;
      })
      .join(' · ');
  }
  if (lane.kind === 'markers') {
    const n = a.count?.[i] ?? 1;
    const what = lane.id === 'net' ? 'network unblock' : lane.id === 'syscalls' ? 'exit blocked syscall' : 'event';
    return n > 1 ? `${n} × ${what}` : `${what} (G${a.goroutine?.[i] ?? '?'})`;
  }
  const state = a.state[i];
  const dur = formatDurationNs(a.endNs[i] - a.startNs[i]);
  const count = a.count?.[i] ?? 1;
  const merged = count > 1 ? ` · ${formatCount(count)} spans merged` : '';
  if (a.goroutine) {
    const g = a.goroutine[i];
    const group = a.group ? summary.groups[a.group[i]]?.name ?? '' : '';
    const what = state === SpanState.ExecutingSyscall ? ' (syscall)' : '';
    return `${g >= 0 ? `G${g} ${group}` : 'idle'}${what} · ${dur}${merged}`;
  }
  if (a.label) {
    const labels = (lane.meta?.labels as string[] | undefined) ?? [];
    return `${SPAN_STATE_NAMES[state] ?? 'GC'}${labels[a.label[i]] ? ` (${labels[a.label[i]]})` : ''} · ${dur}${merged}`;
  }
  const reason = state === SpanState.Waiting && a.reason ? summary.reasons[a.reason[i]] : '';
  return `${SPAN_STATE_NAMES[state] ?? 'span'}${reason ? ` (${reason})` : ''} · ${dur}${merged}`;
}
