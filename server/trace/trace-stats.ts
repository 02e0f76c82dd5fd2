import { EVENT_KIND_NAMES, EventKind, ResourceKind } from './event-kinds.ts';
import type { OpenedTrace } from './open-trace.ts';
import { salvageReport, type SalvageReport } from './salvage.ts';
import { TraceError } from './trace-error.ts';

/** What `gotrace-view stats --json` prints; the Go oracle prints the same fields. */
export interface TraceStats {
  version: string;
  events: number;
  kinds: Record<string, number>;
  durationNs: number;
  goroutines: number;
  procs: number;
  threads: number;
  generations: number;
  /** The error that ended reading early, if any (CLI form: FILE: offset 0x…: message). */
  error?: string;
  errorCode?: string;
  /** When reading failed: what a viewer keeps (whole generations) and what is lost. */
  salvage?: SalvageReport;
}

/**
 * Reads every event once and counts. Definitions match the oracle's:
 * goroutines/procs are distinct ids seen as state-transition resources,
 * threads distinct thread ids in event contexts, generations = Syncs - 1.
 */
export function computeStats(trace: OpenedTrace, onProgress?: (bytes: number) => void): TraceStats {
  const kindCounts = new Float64Array(EVENT_KIND_NAMES.length);
  const kindOrder: number[] = [];
  const goroutines = new IdSet();
  const procs = new IdSet();
  const threads = new IdSet();
  let lastThread = -1;
  let events = 0;
  let first = 0;
  let last = 0;
  let syncs = 0;
  let keptEvents = 0;
  let validBytes = 0;
  let error: TraceError | undefined;
  try {
    for (let ev = trace.events.next(); ev !== null; ev = trace.events.next()) {
      if (events === 0) first = ev.timeNs;
      last = ev.timeNs;
      events++;
      if (kindCounts[ev.kind]++ === 0) kindOrder.push(ev.kind);
      if (ev.kind === EventKind.Sync) {
        syncs++;
        keptEvents = events;
        validBytes = trace.events.validBytes;
      }
      else if (ev.kind === EventKind.StateTransition) {
        if (ev.resourceKind === ResourceKind.Goroutine) goroutines.add(ev.resourceId);
        else procs.add(ev.resourceId);
      }
      if (ev.m !== lastThread && ev.m !== -1) {
        threads.add(ev.m);
        lastThread = ev.m;
      }
      if (onProgress !== undefined && (events & 0xffff) === 0) onProgress(trace.events.bytesRead);
    }
  } catch (e) {
    if (!(e instanceof TraceError)) throw e;
    error = e;
  }
  const kinds: Record<string, number> = {};
  for (const k of kindOrder) kinds[EVENT_KIND_NAMES[k]] = kindCounts[k];
  const stats: TraceStats = {
    version: trace.header.label,
    events,
    kinds,
    durationNs: last - first,
    goroutines: goroutines.size,
    procs: procs.size,
    threads: threads.size,
    generations: Math.max(0, syncs - 1),
  };
  if (error) {
    if (error.file === undefined) error.file = trace.file;
    stats.error = error.format();
    stats.errorCode = error.code;
    stats.salvage = salvageReport(error, keptEvents, syncs, validBytes, trace.size);
  }
  return stats;
}

/** A set of ids: a bitmap for the dense small ids traces use, a Set for the rest. */
class IdSet {
  private bits = new Uint8Array(1024);
  private other: Set<number> | null = null;
  size = 0;

  add(id: number): void {
    if (id >= 0 && id < 1 << 26) {
      const byte = id >>> 3;
      if (byte >= this.bits.length) {
        let n = this.bits.length;
        while (n <= byte) n *= 2;
        const grown = new Uint8Array(n);
        grown.set(this.bits);
        this.bits = grown;
      }
      const mask = 1 << (id & 7);
      if ((this.bits[byte] & mask) === 0) {
        this.bits[byte] |= mask;
        this.size++;
      }
      return;
    }
    this.other ??= new Set();
    if (!this.other.has(id)) {
      this.other.add(id);
      this.size++;
    }
  }
}
