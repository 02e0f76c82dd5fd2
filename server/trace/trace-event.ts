import { EventKind, ResourceKind } from './event-kinds.ts';

/**
 * One event as the reader yields it: the same information as an
 * x/exp/trace Event, flattened into numbers. Strings are ids in the trace's
 * StringTable and stacks ids in its StackTable (0 = none).
 *
 * The reader reuses a handful of these objects: a consumer must copy what it
 * needs before asking for the next event. That is what keeps a 10 M-event
 * trace from turning into 10 M objects.
 */
export class TraceEvent {
  kind: EventKind = EventKind.Bad;
  /** Wire event type (generational numbering; v1 events are converted). */
  type = 0;
  /** Nanoseconds since the first event of the trace (strictly increasing). */
  timeNs = 0;
  /** Execution context: goroutine, proc and thread ids, -1 when none. */
  g = -1;
  p = -1;
  m = -1;
  /** The event's own stack (trace-wide id, 0 = none). */
  stack = 0;
  /** File offset of the event's bytes (best effort for synthetic events). */
  offset = 0;

  /** Raw wire arguments (set for Experimental events only). */
  a0 = 0;
  a1 = 0;
  a2 = 0;
  a3 = 0;

  // StateTransition
  resourceKind: ResourceKind = ResourceKind.None;
  resourceId = -1;
  fromState = 0;
  toState = 0;
  /** Reason string id (GoStop/GoBlock). */
  reason = 0;
  /** Stack attached to the transition (a new goroutine's start function, a blocking call). */
  transitionStack = 0;

  // Range, Label, Task, Region, Log, Metric
  /** Range name, task/region type, label text or log category (string id); metric id for Metric. */
  name = 0;
  /** Log message (string id). */
  message = 0;
  scopeKind: ResourceKind = ResourceKind.None;
  scopeId = -1;
  taskId = -1;
  parentTaskId = -1;
  /** Metric value, or bytes swept for a sweep RangeEnd. */
  value = 0;
  /** Bytes reclaimed for a sweep RangeEnd. */
  value2 = 0;
  hasAttrs = false;

  // Sync
  syncN = 0;
  hasClock = false;
  clockTraceNs = 0;
  clockMono = 0n;
  /** Wall clock of the snapshot as Unix nanoseconds (time.Unix(sec, nsec)). */
  clockWallNs = 0n;
  /** Experimental batches of the generation a Sync starts, by experiment name. */
  experimentalBatches: ReadonlyMap<string, readonly { thread: number; data: Uint8Array }[]> | null = null;

  /** Copies every field of `src` into this event. */
  copyFrom(src: TraceEvent): void {
    Object.assign(this, src);
  }

  /**
   * Resets the optional fields. Kind-specific fields are only meaningful for
   * their kind, and producers set all of them for that kind, so readers must
   * look at `kind` first (the reader skips this reset on its hot path).
   */
  resetDetails(): void {
    this.stack = 0;
    this.reason = 0;
    this.transitionStack = 0;
    this.message = 0;
    this.hasAttrs = false;
    this.hasClock = false;
    this.experimentalBatches = null;
  }
}
