import { I32Column, lowerBound } from '../model/columns.ts';
import { FLOW_NET_UNBLOCK, FLOW_SYSCALL, type FlowIndex } from './flow-index.ts';

/**
 * The flows of a FlowIndex placed on proc lanes (or thread lanes), as go tool
 * trace's proc (thread) view draws them: from the proc (thread) of the event
 * that created or unblocked the goroutine — also when no goroutine did it, as
 * for a timer fired by the scheduler — to the proc (thread) where the
 * goroutine then started. Lane numbers are 1 + the index in procIds
 * (threadIds); 0 = no such lane. In the proc view network unblocks and
 * syscall exits start on the Network and Syscalls rows instead; the thread
 * view draws network unblocks from the thread and no syscall exits (the
 * thread kept its goroutine through the syscall), as go tool trace does.
 *
 * Built on the first request that shows such a lane, from the transition
 * log's actor side table (which keeps each cause's proc and thread): 2·2 + 2·4
 * bytes per flow, plus row-sized temporaries (6 bytes a row) while building.
 */
export class FlowExecLanes {
  /** Per flow: lane of the cause, lane of the start. */
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

    // Lane of each execution start row (temporary).
    const laneOfRow = new Uint16Array(log.length);
    for (let i = 0; i < lanes; i++) for (let k = laneOffsets[i]; k < laneOffsets[i + 1]; k++) laneOfRow[laneRows[k]] = i + 1;
    const causeOf = view === 'proc' ? (e: number) => log.actorProc[e] : (e: number) => log.actorThreadId(e);
    const counts = new Int32Array(lanes + 1);
    for (let f = 0; f < n; f++) {
      this.toLane[f] = laneOfRow[flows.start[f]];
      const k = flows.kind[f];
      const e = flows.entry[f];
      if (k === FLOW_SYSCALL || (k === FLOW_NET_UNBLOCK && view === 'proc') || e < 0) continue;
      const cause = causeOf(e);
      if (cause < 0) continue;
      // Lane ids ascend (buildLanes): the cause's proc or thread by binary search.
      const i = lowerBound(laneIds, cause);
      if (i < lanes && laneIds[i] === cause) {
        this.fromLane[f] = i + 1;
        counts[i + 1]++;
      }
    }

    this.fromOffsets = new Int32Array(lanes + 1);
    for (let i = 0; i < lanes; i++) this.fromOffsets[i + 1] = this.fromOffsets[i] + counts[i + 1];
    this.fromFlows = new Int32Array(this.fromOffsets[lanes]);
    const next = this.fromOffsets.slice(0, lanes);
    for (let k = 0; k < n; k++) {
      const f = flows.byCause[k];
      if (this.fromLane[f] !== 0) this.fromFlows[next[this.fromLane[f] - 1]++] = f;
    }

    // Arrivals: a lane's start rows are in time order; the ones that end a flow, in that order
    // (the flow of a start row from a temporary row → flow map: a binary search per row cost 150 ms on the bench trace).
    const flowAt = new Int32Array(log.length).fill(-1);
    for (let f = 0; f < n; f++) flowAt[flows.start[f]] = f;
    const arrivals = new I32Column(Math.max(1024, n));
    this.toOffsets = new Int32Array(lanes + 1);
    for (let i = 0; i < lanes; i++) {
      for (let k = laneOffsets[i]; k < laneOffsets[i + 1]; k++) {
        const f = flowAt[laneRows[k]];
        if (f >= 0) arrivals.push(f);
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
