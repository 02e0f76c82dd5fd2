import { TraceError } from '../trace-error.ts';
import { GC_P, NETPOLL_P, SYSCALL_P, TIMER_P, V1, V1_DESCS, type V1Store } from './v1-events.ts';
import type { V1Parsed } from './v1-parse.ts';

/**
 * After ordering: converts ticks to ns from the first event, moves timer
 * unblocks, syscall exits, GC starts and network unblocks to the old parser's
 * pseudo-procs, and validates the scheduler story the way the reference
 * parser does (a goroutine must be running to block, a proc must be started
 * to stop, regions must nest). Each violation is an error, as in Go.
 */
export function postProcessV1(parsed: V1Parsed, order: Int32Array): void {
  const s = parsed.store;
  if (parsed.ticksPerSec === 0) throw new TraceError('BAD_TABLE', 0, 'no EvFrequency event: the trace has no frequency footer (was it cut short?)');
  if (order.length > 0) {
    const minTs = s.ts[order[0]];
    const freq = 1e9 / parsed.ticksPerSec;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      s.ts[i] = Math.trunc((s.ts[i] - minTs) * freq);
      if (s.type[i] === V1.GoUnblock && parsed.timerGoids.has(s.g[i])) s.p[i] = TIMER_P;
      if (s.type[i] === V1.GoSysExit) s.p[i] = SYSCALL_P;
    }
  }
  validate(parsed, order);
}

const RUNNABLE = 1;
const RUNNING = 2;
const WAITING = 3;
const DEAD = 0;

interface GDesc {
  state: number;
  /** Row of the event that last changed the goroutine's state (-1 none). */
  ev: number;
  create: number;
  markAssist: boolean;
}

function validate(parsed: V1Parsed, order: Int32Array): void {
  const s = parsed.store;
  const gs = new Map<number, GDesc>();
  const pRunning = new Map<number, boolean>();
  const pG = new Map<number, number>();
  const pSweep = new Map<number, boolean>();
  const tasks = new Set<number>();
  const regions = new Map<number, number[]>();
  gs.set(0, { state: RUNNING, ev: -1, create: -1, markAssist: false });
  let gcActive = false;
  let stwActive = false;
  const gd = (g: number): GDesc => {
    let d = gs.get(g);
    if (d === undefined) gs.set(g, (d = { state: DEAD, ev: -1, create: -1, markAssist: false }));
    return d;
  };
  const fail = (i: number, msg: string): never => {
    throw new TraceError('BAD_ORDER', s.off[i], `${msg} (time ${s.ts[i]})`);
  };
  const checkRunning = (i: number, allowG0: boolean) => {
    const g = s.g[i];
    const name = V1_DESCS[s.type[i]].name;
    if (gd(g).state !== RUNNING) fail(i, `g ${g} is not running while ${name}`);
    if ((pG.get(s.p[i]) ?? 0) !== g) fail(i, `p ${s.p[i]} is not running g ${g} while ${name}`);
    if (!allowG0 && g === 0) fail(i, `g 0 did ${name}`);
  };
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const p = s.p[i];
    const g = s.g[i];
    const a = 4 * i;
    switch (s.type[i]) {
      case V1.ProcStart:
        if (pRunning.get(p)) fail(i, `p ${p} is running before start`);
        pRunning.set(p, true);
        break;
      case V1.ProcStop:
        if (!pRunning.get(p)) fail(i, `p ${p} is not running before stop`);
        if ((pG.get(p) ?? 0) !== 0) fail(i, `p ${p} is running a goroutine ${pG.get(p)} during stop`);
        pRunning.set(p, false);
        break;
      case V1.GCStart:
        if (gcActive) fail(i, 'previous GC is not ended before a new one');
        gcActive = true;
        s.p[i] = GC_P;
        break;
      case V1.GCDone:
        if (!gcActive) fail(i, 'bogus GC end');
        gcActive = false;
        break;
      case V1.STWStart:
        if (stwActive) fail(i, 'previous STW is not ended before a new one');
        stwActive = true;
        break;
      case V1.STWDone:
        if (!stwActive) fail(i, 'bogus STW end');
        stwActive = false;
        break;
      case V1.GCSweepStart:
        if (pSweep.get(p)) fail(i, 'previous sweeping is not ended before a new one');
        pSweep.set(p, true);
        break;
      case V1.GCSweepDone:
        if (!pSweep.get(p)) fail(i, 'bogus sweeping end');
        pSweep.set(p, false);
        break;
      case V1.GCMarkAssistStart: {
        const d = gd(g);
        if (d.markAssist) fail(i, 'previous mark assist is not ended before a new one');
        d.markAssist = true;
        break;
      }
      case V1.GCMarkAssistDone:
        gd(g).markAssist = false;
        break;
      case V1.GoWaiting:
      case V1.GoInSyscall: {
        const d = gd(g);
        if (d.state !== RUNNABLE) fail(i, `g ${g} is not runnable before ${V1_DESCS[s.type[i]].name}`);
        d.state = WAITING;
        d.ev = i;
        break;
      }
      case V1.GoCreate: {
        checkRunning(i, true);
        const ng = s.args[a];
        if (gs.has(ng)) fail(i, `g ${ng} already exists`);
        gs.set(ng, { state: RUNNABLE, ev: i, create: i, markAssist: false });
        break;
      }
      case V1.GoStart:
      case V1.GoStartLabel: {
        const d = gd(g);
        if (d.state !== RUNNABLE) fail(i, `g ${g} is not runnable before start`);
        if ((pG.get(p) ?? 0) !== 0) fail(i, `p ${p} is already running g ${pG.get(p)} while start g ${g}`);
        d.state = RUNNING;
        pG.set(p, g);
        // The old parser hands the creation's start-function stack to the first start.
        if (d.create >= 0) {
          s.stk[i] = s.args[4 * d.create + 1] >>> 0;
          d.create = -1;
        }
        d.ev = -1;
        break;
      }
      case V1.GoEnd:
      case V1.GoStop: {
        checkRunning(i, false);
        gd(g).state = DEAD;
        pG.set(p, 0);
        if (s.type[i] === V1.GoEnd) regions.delete(g);
        break;
      }
      case V1.GoSched:
      case V1.GoPreempt: {
        checkRunning(i, false);
        const d = gd(g);
        d.state = RUNNABLE;
        d.ev = i;
        pG.set(p, 0);
        break;
      }
      case V1.GoUnblock: {
        if (gd(g).state !== RUNNING) fail(i, `g ${g} is not running while unpark`);
        if (p !== TIMER_P && (pG.get(p) ?? 0) !== g) fail(i, `p ${p} is not running g ${g} while unpark`);
        const target = gd(s.args[a]);
        if (target.state !== WAITING) fail(i, `g ${s.args[a]} is not waiting before unpark`);
        if (target.ev >= 0 && s.type[target.ev] === V1.GoBlockNet) s.p[i] = NETPOLL_P;
        target.state = RUNNABLE;
        target.ev = i;
        break;
      }
      case V1.GoSysCall:
        checkRunning(i, false);
        gd(g).ev = i;
        break;
      case V1.GoSysBlock:
        checkRunning(i, false);
        gd(g).state = WAITING;
        pG.set(p, 0);
        break;
      case V1.GoSysExit: {
        const d = gd(g);
        if (d.state !== WAITING) fail(i, `g ${g} is not waiting during syscall exit`);
        d.state = RUNNABLE;
        d.ev = i;
        break;
      }
      case V1.GoSleep: case V1.GoBlock: case V1.GoBlockSend: case V1.GoBlockRecv: case V1.GoBlockSelect:
      case V1.GoBlockSync: case V1.GoBlockCond: case V1.GoBlockNet: case V1.GoBlockGC: {
        checkRunning(i, false);
        const d = gd(g);
        d.state = WAITING;
        d.ev = i;
        pG.set(p, 0);
        break;
      }
      case V1.UserTaskCreate:
        if (tasks.has(s.args[a])) fail(i, `task id conflicts (id:${s.args[a]})`);
        tasks.add(s.args[a]);
        break;
      case V1.UserTaskEnd:
        tasks.delete(s.args[a]);
        break;
      case V1.UserRegion: {
        const mode = s.args[a + 1];
        const stack = regions.get(g) ?? [];
        if (mode === 0) {
          stack.push(i);
          regions.set(g, stack);
        } else if (mode === 1) {
          if (stack.length > 0) {
            const start = stack[stack.length - 1];
            if (s.args[4 * start] !== s.args[a] || s.args[4 * start + 2] !== s.args[a + 2]) {
              fail(i, `misuse of region in goroutine ${g}: region end does not match the innermost active region start`);
            }
            stack.pop();
            if (stack.length === 0) regions.delete(g);
          }
        } else {
          fail(i, `invalid user region mode: ${mode}`);
        }
        break;
      }
    }
    // Stacks the trace never defined are dropped, as the reference parser does.
    if (s.stk[i] !== 0 && !((parsed.stacks.get(s.stk[i])?.length ?? 0) > 0)) s.stk[i] = 0;
  }
}
