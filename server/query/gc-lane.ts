import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { SpanState } from '../../shared/states.ts';
import type { TraceModel } from '../model/trace-model.ts';
import { SpanMerger } from './span-merger.ts';

/**
 * The GC lane: concurrent mark phases, and stop-the-world pauses on top with
 * their reason ("stop-the-world (GC mark termination)"). STW rows come from
 * the range table (they are goroutine-scoped in the trace).
 */
export class GcLane {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly states: Uint8Array;
  private readonly labels: Uint16Array;
  readonly labelNames: string[] = [];

  constructor(model: TraceModel) {
    const rows: { s: number; e: number; state: number; text: string }[] = [];
    const labelIds = new Map<string, number>();
    const label = (text: string) => {
      let id = labelIds.get(text);
      if (id === undefined) {
        id = this.labelNames.length;
        this.labelNames.push(text);
        labelIds.set(text, id);
      }
      return id;
    };
    const gr = model.globalRanges;
    for (let i = 0; i < gr.name.length; i++) {
      const name = model.strings.get(gr.name[i]);
      if (name.includes('GC')) rows.push({ s: gr.startNs[i], e: gr.endNs[i], state: SpanState.GCMark, text: name });
    }
    const r = model.ranges;
    // The pauses' rows, found by name id: reading each of the bench trace's 2.3 M rows' name as a
    // string had taken 40 ms of every load.
    const stwNames = Array.from(r.names).filter((id) => model.strings.get(id).startsWith('stop-the-world'));
    for (const i of r.rowsNamed(stwNames)) {
      // Attribution-only rows (proc -1 and open) duplicate a drawn row.
      if (r.hasProc(i) || !r.isOpen(i)) rows.push({ s: r.startNs(i), e: r.endNs(i), state: SpanState.STW, text: model.strings.get(r.name(i)).slice('stop-the-world ('.length, -1) });
    }
    rows.sort((a, b) => a.s - b.s || b.e - a.e);
    this.starts = Float64Array.from(rows, (x) => x.s);
    this.ends = Float64Array.from(rows, (x) => x.e);
    this.states = Uint8Array.from(rows, (x) => x.state);
    // Label ids in time order, so they do not depend on the order the range table keeps its rows in.
    this.labels = Uint16Array.from(rows, (x) => label(x.text));
  }

  /** Stop-the-world time inside [startNs, endNs] (the selection summary's STW). */
  stwNsIn(startNs: number, endNs: number): number {
    let ns = 0;
    for (let i = 0; i < this.starts.length; i++) {
      if (this.states[i] !== SpanState.STW) continue;
      const d = Math.min(this.ends[i], endNs) - Math.max(this.starts[i], startNs);
      if (d > 0) ns += d;
    }
    return ns;
  }

  chunk(laneId: string, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
    const merger = new SpanMerger(nsPerPx);
    // Mark phases and STW pauses are few (hundreds): a scan is enough.
    for (let i = 0; i < this.starts.length; i++) {
      if (this.ends[i] < startNs || this.starts[i] > endNs) continue;
      merger.add(this.starts[i], this.ends[i], this.states[i], this.labels[i]);
    }
    const lane = merger.finish(laneId, 'label', null, 'u16');
    lane.meta = { labels: this.labelNames };
    return lane;
  }
}
