import type { TraceModel } from '../model/trace-model.ts';
import { phaseTimer } from '../trace/phase-timer.ts';
import { GcLane } from './gc-lane.ts';
import { GroupIndex } from './group-index.ts';
import { InstantIndex } from './instant-index.ts';
import { RegionIndex } from './region-index.ts';
import { TaskIndex } from './task-index.ts';

/**
 * A model plus the indexes queries share, computed once when the server
 * loads a trace: goroutine groups (ordered by the goroutine table's
 * execution times), the GC lane rows.
 */
export class QueryContext {
  readonly groups: GroupIndex;
  readonly gcLane: GcLane;
  readonly procIndex = new Map<number, number>();
  readonly threadIndex = new Map<number, number>();
  /** User regions per goroutine, with nesting depth (goroutine lanes). */
  readonly regions: RegionIndex;
  /** CPU samples and logs per goroutine, proc and thread (lane instants). */
  readonly instants: InstantIndex;
  /** User tasks as lanes (TASKS section). */
  readonly tasks: TaskIndex;

  constructor(readonly model: TraceModel) {
    const lap = phaseTimer('indexes');
    this.groups = new GroupIndex(model);
    lap('goroutine groups');
    this.gcLane = new GcLane(model);
    lap('GC lane');
    model.procs.procIds.forEach((id, i) => this.procIndex.set(id, i));
    model.procs.threadIds.forEach((id, i) => this.threadIndex.set(id, i));
    this.regions = new RegionIndex(model);
    lap('regions');
    this.instants = new InstantIndex(model, this.procIndex, this.threadIndex);
    lap('instants');
    this.tasks = new TaskIndex(model);
    lap('tasks');
  }
}
