import { EventKind } from '../event-kinds.ts';
import type { TraceEvent } from '../trace-event.ts';

/**
 * Events packed into one Float64Array for the trip from the parse worker to
 * the main thread: per event a header number, the common fields, then the
 * fields of its kind (every number a TraceEvent carries for that kind; the
 * Sync clock's bigints and experimental batch bytes stay behind, the model
 * does not read them). The header packs the small enums (kind, wire type,
 * resource kind, from/to states, flags), so a transition takes 10 numbers
 * and a range 9, instead of 14 each when every field had its own: writing
 * and reading the blocks had cost 0.97 s of CPU, split between both threads,
 * for the 68 MB bench trace's 11.9 M events.
 */
const COMMON = 7;
/** Numbers for the largest kinds: header + common + 4 (Experimental, a sweep RangeEnd). */
export const MAX_VALUES_PER_EVENT = COMMON + 4;

// Header bits: kind 0-4, wire type 5-12, then per kind: resource/scope kind 13-14,
// from state 15-18 and to state 19-22 (StateTransition), a flag at 15 (Range attrs, Sync clock).
const TYPE_SHIFT = 5;
const RES_SHIFT = 13;
const FROM_SHIFT = 15;
const TO_SHIFT = 19;
const FLAG = 1 << 15;

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
    const kind = ev.kind;
    let header = kind | ((ev.type & 255) << TYPE_SHIFT);
    const h = i++;
    v[i++] = ev.timeNs;
    v[i++] = ev.g;
    v[i++] = ev.p;
    v[i++] = ev.m;
    v[i++] = ev.stack;
    v[i++] = ev.offset;
    switch (kind) {
      case EventKind.StateTransition:
        header |= (ev.resourceKind << RES_SHIFT) | (ev.fromState << FROM_SHIFT) | (ev.toState << TO_SHIFT);
        v[i++] = ev.resourceId;
        v[i++] = ev.reason;
        v[i++] = ev.transitionStack;
        break;
      case EventKind.RangeBegin:
      case EventKind.RangeActive:
      case EventKind.RangeEnd:
        header |= ev.scopeKind << RES_SHIFT;
        v[i++] = ev.name;
        v[i++] = ev.scopeId;
        if (ev.hasAttrs) {
          header |= FLAG;
          v[i++] = ev.value;
          v[i++] = ev.value2;
        }
        break;
      case EventKind.Sync:
        if (ev.hasClock) header |= FLAG;
        v[i++] = ev.syncN;
        v[i++] = ev.clockTraceNs;
        v[i++] = validBytes;
        break;
      case EventKind.Metric:
        v[i++] = ev.name;
        v[i++] = ev.value;
        break;
      case EventKind.Label:
        header |= ev.resourceKind << RES_SHIFT;
        v[i++] = ev.name;
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
    v[h] = header;
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
  const header = v[i++];
  const kind = (header & 31) as EventKind;
  ev.kind = kind;
  ev.type = (header >>> TYPE_SHIFT) & 255;
  ev.timeNs = v[i++];
  ev.g = v[i++];
  ev.p = v[i++];
  ev.m = v[i++];
  ev.stack = v[i++];
  ev.offset = v[i++];
  switch (kind) {
    case EventKind.StateTransition:
      ev.resourceKind = (header >>> RES_SHIFT) & 3;
      ev.fromState = (header >>> FROM_SHIFT) & 15;
      ev.toState = (header >>> TO_SHIFT) & 15;
      ev.resourceId = v[i++];
      ev.reason = v[i++];
      ev.transitionStack = v[i++];
      break;
    case EventKind.RangeBegin:
    case EventKind.RangeActive:
    case EventKind.RangeEnd:
      ev.scopeKind = (header >>> RES_SHIFT) & 3;
      ev.name = v[i++];
      ev.scopeId = v[i++];
      ev.hasAttrs = (header & FLAG) !== 0;
      if (ev.hasAttrs) {
        ev.value = v[i++];
        ev.value2 = v[i++];
      } else ev.value = ev.value2 = 0;
      break;
    case EventKind.Sync:
      ev.hasClock = (header & FLAG) !== 0;
      ev.syncN = v[i++];
      ev.clockTraceNs = v[i++];
      meta.validBytes = v[i++];
      break;
    case EventKind.Metric:
      ev.name = v[i++];
      ev.value = v[i++];
      break;
    case EventKind.Label:
      ev.resourceKind = (header >>> RES_SHIFT) & 3;
      ev.name = v[i++];
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
