import { goroutineExecNs } from '../model/goroutine-stats.ts';
import { IntColumn } from '../model/int-column.ts';
import type { TraceModel } from '../model/trace-model.ts';
import { GcLane } from './gc-lane.ts';
import { GroupIndex } from './group-index.ts';
import { InstantIndex } from './instant-index.ts';
import { RegionIndex } from './region-index.ts';
import { TaskIndex } from './task-index.ts';

/**
 * A model plus the indexes queries share, computed once when the server
 * loads a trace: per-goroutine execution time (whole trace), goroutine
 * groups, the GC lane rows.
 */
export class QueryContext {
  readonly groups: GroupIndex;
  readonly gcLane: GcLane;
  /** Execution time of each goroutine over the whole trace (4 or 5 bytes each: 960 000 goroutines in the bench trace). */
  readonly execNs: IntColumn;
  readonly procIndex = new Map<number, number>();
  readonly threadIndex = new Map<number, number>();
  /** User regions per goroutine, with nesting depth (goroutine lanes). */
  readonly regions: RegionIndex;
  /** CPU samples and logs per goroutine, proc and thread (lane instants). */
  readonly instants: InstantIndex;
  /** User tasks as lanes (TASKS section). */
  readonly tasks: TaskIndex;

  constructor(readonly model: TraceModel) {
    const n = model.goroutines.count;
    const execNs = new Float64Array(n);
    for (let g = 0; g < n; g++) execNs[g] = goroutineExecNs(model, g);
    this.groups = new GroupIndex(model, execNs);
    this.execNs = IntColumn.from(execNs);
    this.gcLane = new GcLane(model);
    model.procs.procIds.forEach((id, i) => this.procIndex.set(id, i));
    model.procs.threadIds.forEach((id, i) => this.threadIndex.set(id, i));
    this.regions = new RegionIndex(model);
    this.instants = new InstantIndex(model, this.procIndex, this.threadIndex);
    this.tasks = new TaskIndex(model);
  }
}
