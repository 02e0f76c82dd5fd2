import { I32Column, lowerBound } from '../model/columns.ts';
import { fromOf, TO_PROC_LOST, toOf } from '../model/transition-log.ts';
import { GoState } from '../trace/event-kinds.ts';
import type { FlowIndex } from './flow-index.ts';

/**
 * The flows of a FlowIndex placed on proc lanes (or thread lanes), as go tool
 * trace's proc view draws them: from the proc the creator or unblocker was
 * running on when it acted, to the proc where the goroutine then started.
 * Lane numbers are 1 + the index in procIds (threadIds); 0 = no such lane
 * (the actor was not on a proc, e.g. network and syscall flows).
 *
 * Built on the first request that shows such a lane: one pass over the
 * transitions in event order follows which lane each goroutine runs on, so
 * an actor's lane at its event is exact even when events share a timestamp.
 * About 2·4 + 2·2 bytes per flow; the passes need two row-sized temporaries.
 */
export class FlowExecLanes {
  /** Per flow: lane of the actor at the cause, lane of the start. */
  readonly fromLane: Uint16Array;
  readonly toLane: Uint16Array;
  /** Per lane (index = lane number - 1): flows leaving it in cause order, arriving in start order. */
  readonly fromOffsets: Int32Array;
  readonly fromFlows: Int32Array;
  readonly toOffsets: Int32Array;
  readonly toFlows: Int32Array;

  constructor(
    readonly flows: FlowIndex,
    readonly view: 'proc' | 'thread',
  ) {
    const m = flows.model;
    const log = m.transitions;
    const laneIds = view === 'proc' ? m.procs.procIds : m.procs.threadIds;
    const laneOffsets = view === 'proc' ? m.procs.procOffsets : m.procs.threadOffsets;
    const laneRows = view === 'proc' ? m.procs.procRows : m.procs.threadRows;
    const lanes = laneIds.length;
    if (lanes >= 0xffff) throw new Error(`too many ${view} lanes for flow arrows (${lanes})`);
    const n = flows.length;
    this.fromLane = new Uint16Array(n);
    this.toLane = new Uint16Array(n);

    // Lane of each execution start row (temporary, 2 bytes a row).
    const laneOfRow = new Uint16Array(log.length);
    for (let i = 0; i < lanes; i++) for (let k = laneOffsets[i]; k < laneOffsets[i + 1]; k++) laneOfRow[laneRows[k]] = i + 1;
    for (let f = 0; f < n; f++) this.toLane[f] = laneOfRow[flows.start[f]];

    // Goroutine of each row (temporary), then one pass in event order keeping each goroutine's current lane.
    const goroutineOfRow = new Int32Array(log.length);
    for (let g = 0; g < m.goroutines.count; g++) goroutineOfRow.fill(g, log.offsets[g], log.offsets[g + 1]);
    const current = new Uint16Array(m.goroutines.count);
    const flowAt = new Int32Array(log.length).fill(-1);
    for (let f = 0; f < n; f++) if (flows.actor[f] >= 0) flowAt[flows.cause[f]] = f;
    // Flows with an actor, in cause order (the others leave no proc or thread lane).
    const order = new Int32Array(flows.actorFlows.length);
    let ordered = 0;
    for (let i = 0; i < log.timeOrder.length; i++) {
      const row = log.timeOrder[i];
      const f = flowAt[row];
      if (f >= 0) {
        this.fromLane[f] = current[flows.actor[f]];
        order[ordered++] = f;
      }
      const p = log.packed[row];
      const to = toOf(p);
      if (fromOf(p) === to) continue; // a status repeat (at a generation's start) moves nothing
      const g = goroutineOfRow[row];
      // Running rows start a slice on their lane; a syscall keeps it (a thread keeps it even when the proc goes).
      if (to === GoState.Running) current[g] = laneOfRow[row];
      else if (to !== GoState.Syscall && !(to === TO_PROC_LOST && view === 'thread')) current[g] = 0;
    }

    const counts = new Int32Array(lanes + 1);
    for (let f = 0; f < n; f++) if (this.fromLane[f] !== 0) counts[this.fromLane[f]]++;
    this.fromOffsets = new Int32Array(lanes + 1);
    for (let i = 0; i < lanes; i++) this.fromOffsets[i + 1] = this.fromOffsets[i] + counts[i + 1];
    this.fromFlows = new Int32Array(this.fromOffsets[lanes]);
    const next = this.fromOffsets.slice(0, lanes);
    for (let k = 0; k < ordered; k++) {
      const f = order[k];
      if (this.fromLane[f] !== 0) this.fromFlows[next[this.fromLane[f] - 1]++] = f;
    }

    // Arrivals: a lane's start rows are in time order; the ones that end a flow, in that order.
    const arrivals = new I32Column(Math.max(1024, n));
    this.toOffsets = new Int32Array(lanes + 1);
    for (let i = 0; i < lanes; i++) {
      for (let k = laneOffsets[i]; k < laneOffsets[i + 1]; k++) {
        const row = laneRows[k];
        const f = lowerBound(flows.start, row);
        if (f < n && flows.start[f] === row) arrivals.push(f);
      }
      this.toOffsets[i + 1] = arrivals.length;
    }
    this.toFlows = arrivals.finish();
  }

  /** The lane id of a lane number ("proc:3"), or null for 0. */
  laneId(lane: number): string | null {
    if (lane === 0) return null;
    const m = this.flows.model;
    return `${this.view}:${(this.view === 'proc' ? m.procs.procIds : m.procs.threadIds)[lane - 1]}`;
  }
}
