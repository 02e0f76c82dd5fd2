import { EventKind } from '../event-kinds.ts';
import type { TraceEvent } from '../trace-event.ts';

/**
 * Events packed into one Float64Array for the trip from the parse worker to
 * the main thread: per event the common fields, then the fields of its kind
 * (every number a TraceEvent carries for that kind; the Sync clock's bigints
 * and experimental batch bytes stay behind, the model does not read them).
 * A 68 MB trace is 11.9 M events of 8-14 numbers: about 1 GB of blocks,
 * sent 2 MB at a time and recycled.
 */
const COMMON = 8;
/** Numbers for the largest kind: common + 6 (StateTransition). */
export const MAX_VALUES_PER_EVENT = COMMON + 6;

export class EventBlockWriter {
  values: Float64Array;
  length = 0;
  events = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  get full(): boolean {
    return this.length + MAX_VALUES_PER_EVENT > this.values.length;
  }

  reset(values: Float64Array): void {
    this.values = values;
    this.length = 0;
    this.events = 0;
  }

  /** `validBytes`: the reader's validBytes right after a Sync (the salvage point), carried with it. */
  write(ev: TraceEvent, validBytes = 0): void {
    const v = this.values;
    let i = this.length;
    v[i++] = ev.kind;
    v[i++] = ev.type;
    v[i++] = ev.timeNs;
    v[i++] = ev.g;
    v[i++] = ev.p;
    v[i++] = ev.m;
    v[i++] = ev.stack;
    v[i++] = ev.offset;
    switch (ev.kind) {
      case EventKind.StateTransition:
        v[i++] = ev.resourceKind;
        v[i++] = ev.resourceId;
        v[i++] = ev.fromState;
        v[i++] = ev.toState;
        v[i++] = ev.reason;
        v[i++] = ev.transitionStack;
        break;
      case EventKind.RangeBegin:
      case EventKind.RangeActive:
      case EventKind.RangeEnd:
        v[i++] = ev.name;
        v[i++] = ev.scopeKind;
        v[i++] = ev.scopeId;
        v[i++] = ev.hasAttrs ? 1 : 0;
        v[i++] = ev.value;
        v[i++] = ev.value2;
        break;
      case EventKind.Sync:
        v[i++] = ev.syncN;
        v[i++] = ev.hasClock ? 1 : 0;
        v[i++] = ev.clockTraceNs;
        v[i++] = validBytes;
        break;
      case EventKind.Metric:
        v[i++] = ev.name;
        v[i++] = ev.value;
        break;
      case EventKind.Label:
        v[i++] = ev.name;
        v[i++] = ev.resourceKind;
        v[i++] = ev.resourceId;
        break;
      case EventKind.TaskBegin:
      case EventKind.TaskEnd:
        v[i++] = ev.taskId;
        v[i++] = ev.parentTaskId;
        v[i++] = ev.name;
        break;
      case EventKind.RegionBegin:
      case EventKind.RegionEnd:
        v[i++] = ev.taskId;
        v[i++] = ev.name;
        break;
      case EventKind.Log:
        v[i++] = ev.taskId;
        v[i++] = ev.name;
        v[i++] = ev.message;
        break;
      case EventKind.Experimental:
        v[i++] = ev.a0;
        v[i++] = ev.a1;
        v[i++] = ev.a2;
        v[i++] = ev.a3;
        break;
    }
    this.length = i;
    this.events++;
  }
}

/** What a block carries besides the event: the salvage point of the last Sync read. */
export interface BlockMeta {
  validBytes: number;
}

/** Reads the event at `i` of a block into `ev`; returns the index of the next event. */
export function readEvent(v: Float64Array, i: number, ev: TraceEvent, meta: BlockMeta): number {
  const kind = v[i++] as EventKind;
  ev.kind = kind;
  ev.type = v[i++];
  ev.timeNs = v[i++];
  ev.g = v[i++];
  ev.p = v[i++];
  ev.m = v[i++];
  ev.stack = v[i++];
  ev.offset = v[i++];
  switch (kind) {
    case EventKind.StateTransition:
      ev.resourceKind = v[i++];
      ev.resourceId = v[i++];
      ev.fromState = v[i++];
      ev.toState = v[i++];
      ev.reason = v[i++];
      ev.transitionStack = v[i++];
      break;
    case EventKind.RangeBegin:
    case EventKind.RangeActive:
    case EventKind.RangeEnd:
      ev.name = v[i++];
      ev.scopeKind = v[i++];
      ev.scopeId = v[i++];
      ev.hasAttrs = v[i++] === 1;
      ev.value = v[i++];
      ev.value2 = v[i++];
      break;
    case EventKind.Sync:
      ev.syncN = v[i++];
      ev.hasClock = v[i++] === 1;
      ev.clockTraceNs = v[i++];
      meta.validBytes = v[i++];
      break;
    case EventKind.Metric:
      ev.name = v[i++];
      ev.value = v[i++];
      break;
    case EventKind.Label:
      ev.name = v[i++];
      ev.resourceKind = v[i++];
      ev.resourceId = v[i++];
      break;
    case EventKind.TaskBegin:
    case EventKind.TaskEnd:
      ev.taskId = v[i++];
      ev.parentTaskId = v[i++];
      ev.name = v[i++];
      break;
    case EventKind.RegionBegin:
    case EventKind.RegionEnd:
      ev.taskId = v[i++];
      ev.name = v[i++];
      break;
    case EventKind.Log:
      ev.taskId = v[i++];
      ev.name = v[i++];
      ev.message = v[i++];
      break;
    case EventKind.Experimental:
      ev.a0 = v[i++];
      ev.a1 = v[i++];
      ev.a2 = v[i++];
      ev.a3 = v[i++];
      break;
  }
  return i;
}
