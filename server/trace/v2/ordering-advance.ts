import type { BatchCursor } from './batch-cursor.ts';
import type { Ordering } from './ordering.ts';
import { advanceGoroutineEvent } from './ordering-goroutines.ts';
import { advanceOtherEvent } from './ordering-other.ts';
import { advanceProcEvent } from './ordering-procs.ts';
import { MState } from './ordering-state.ts';
import type { RawEvent } from './raw-event.ts';
import { Ev } from './wire-events.ts';

/**
 * Tries to advance `ev`, read from thread `m`. Returns true when it (and
 * possibly synthesized companions) were queued; false when it must wait for
 * other threads. Throws BAD_ORDER when the trace is inconsistent. The
 * generation is the one given to `o.startGeneration`.
 */
export function advance(o: Ordering, ev: RawEvent, m: number, cursor: BatchCursor): boolean {
  let ms: MState | undefined;
  o.curM = m;
  if (m === -1) {
    o.curP = -1;
    o.curG = -1;
  } else {
    // Each thread's cursor remembers its state: no map lookup per event.
    ms = cursor.mState as MState | null ?? undefined;
    if (ms === undefined) {
      ms = o.mStates.get(m);
      if (ms === undefined) {
        ms = new MState();
        o.mStates.set(m, ms);
      }
      cursor.mState = ms;
    }
    o.curP = ms.p;
    o.curG = ms.g;
  }
  o.newG = o.evG = o.curG;
  o.newP = o.evP = o.curP;
  o.evM = m;
  const t = ev.type;
  let ok: boolean;
  if (t >= Ev.ProcStart && t <= Ev.ProcStatus) ok = advanceProcEvent(o, ev);
  else if ((t >= Ev.GoCreate && t <= Ev.GoStatus) || (t >= Ev.GoSwitch && t <= Ev.GoStatusStack)) ok = advanceGoroutineEvent(o, ev);
  else ok = advanceOtherEvent(o, ev);
  if (ok && ms !== undefined) {
    ms.p = o.newP;
    ms.g = o.newG;
  }
  return ok;
}
