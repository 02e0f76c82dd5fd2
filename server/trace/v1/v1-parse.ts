import { decodeTraceString } from '../string-table.ts';
import { TraceError } from '../trace-error.ts';
import { uvarintAt, varintEnd, varintStatus, VARINT_OK } from '../varint.ts';
import { IndexList, recordArgCount, V1, V1_DESCS, V1Store } from './v1-events.ts';

/** Everything an old-format trace holds, parsed but not yet ordered. */
export interface V1Parsed {
  store: V1Store;
  /** Each proc's events in file order (procs in order of first batch). */
  procs: Map<number, IndexList>;
  /** CPU samples (go 1.19+), rows with ts = the sample's absolute tick. */
  cpuSamples: IndexList;
  strings: Map<number, string>;
  /** UserLog messages, deduplicated, in order of first use. */
  inlineStrings: string[];
  stacks: Map<number, number[]>;
  pcs: Map<number, { fn: number; file: number; line: number }>;
  ticksPerSec: number;
  timerGoids: Set<number>;
}

const MALFORMED = 'malformatted base-128 varint';

/**
 * One pass over the whole file (after the header): strings, stacks, the
 * frequency footer, and every event with its proc, goroutine and absolute
 * tick, exactly as the reference parser's per-batch state machine assigns
 * them (the running goroutine of each proc carries over between its batches).
 */
export function parseV1(data: Uint8Array, base: number, minor: number): V1Parsed {
  const out: V1Parsed = {
    store: new V1Store(),
    procs: new Map(),
    cpuSamples: new IndexList(),
    strings: new Map(),
    inlineStrings: [],
    stacks: new Map(),
    pcs: new Map(),
    ticksPerSec: 0,
    timerGoids: new Set(),
  };
  const inlineIds = new Map<string, number>();
  const lastGs = new Map<number, number>();
  const args: number[] = [];
  let pos = 0;
  let curP = 0;
  let haveBatch = false;
  let lastP = 0;
  let lastG = 0;
  let lastTs = 0;
  let list: IndexList | null = null;
  const err = (at: number, msg: string, code: 'BAD_EVENT' | 'TRUNCATED' | 'BAD_VARINT' | 'BAD_TABLE' = 'BAD_EVENT') => new TraceError(code, base + at, msg);
  const val = (what: string): number => {
    const v = uvarintAt(data, pos, data.length);
    if (varintStatus !== VARINT_OK) throw err(pos, `${what}: ${MALFORMED}`, pos >= data.length - 10 ? 'TRUNCATED' : 'BAD_VARINT');
    pos = varintEnd;
    return v;
  };
  const bytes = (n: number, what: string): Uint8Array => {
    if (n < 0 || pos + n > data.length) throw err(pos, `failed to read trace: unexpected EOF reading ${what}`, 'TRUNCATED');
    const b = data.subarray(pos, pos + n);
    pos += n;
    return b;
  };

  while (pos < data.length) {
    const at = pos;
    const b = data[pos++];
    const typ = b & 0x3f;
    const narg = (b >> 6) + 1;
    if (typ === V1.None || typ >= V1.Count || V1_DESCS[typ].minVersion > minor) throw err(at, `unknown event type ${typ}`);
    if (typ === V1.String) {
      const id = val('string id');
      if (id === 0) throw err(at, 'string has invalid id 0', 'BAD_TABLE');
      if (out.strings.has(id) && out.strings.get(id) !== '') throw err(at, `string has duplicate id ${id}`, 'BAD_TABLE');
      const len = val('string length');
      if (len === 0) throw err(at, 'string has invalid length 0', 'BAD_TABLE');
      if (len > 1e6) throw err(at, `string has too large length ${len}`, 'BAD_TABLE');
      out.strings.set(id, decodeTraceString(bytes(len, 'string')));
      continue;
    }
    if (typ === V1.Batch) {
      if (narg !== 2) throw err(at, `EvBatch has wrong number of arguments: got ${narg}, want 2`);
      const pid = val('batch proc id');
      if (pid !== -1 && (pid < 0 || pid > 0x7fffffff)) throw err(at, `processor ID ${pid} is larger than maximum of ${0x7fffffff}`);
      const ticks = val('batch timestamp');
      lastGs.set(lastP, lastG);
      curP = pid;
      lastP = pid;
      lastG = lastGs.get(pid) ?? 0;
      lastTs = ticks;
      haveBatch = true;
      list = out.procs.get(pid) ?? null;
      if (list === null) out.procs.set(pid, (list = new IndexList()));
      continue;
    }
    // Other records: up to 3 inline values, else a length-prefixed block.
    args.length = 0;
    if (narg <= 3) {
      for (let i = 0; i < narg; i++) args.push(val(`event ${typ} argument`));
    } else {
      const len = val(`event ${typ} length`);
      if (len > 2048) throw err(at, `failed to read event ${typ} argument: length-prefixed argument too big: ${len} bytes, limit is 2048`);
      const end = pos + len;
      if (end > data.length) throw err(pos, `failed to read trace: unexpected EOF in event ${typ}`, 'TRUNCATED');
      while (pos < end) {
        const v = uvarintAt(data, pos, end);
        if (varintStatus !== VARINT_OK) throw err(pos, MALFORMED, 'BAD_VARINT');
        pos = varintEnd;
        args.push(v);
      }
    }
    let message = '';
    if (typ === V1.UserLog && narg > 3) {
      const len = val('log message length');
      if (len > 1e6) throw err(pos, `string is too large (len=${len})`);
      if (len > 0) message = decodeTraceString(bytes(len, 'log message'));
    }
    if (!haveBatch) throw err(at, `read event ${typ} with current P of ${curP}, but P has no batches yet`);
    const want = typ === V1.Stack ? args.length : recordArgCount(typ);
    if (args.length !== want) {
      const what = typ === V1.CPUSample ? 'CPU sample' : V1_DESCS[typ].name;
      throw err(at, `${what} has wrong number of arguments: want ${want}, got ${args.length}`);
    }
    switch (typ) {
      case V1.CPUSample: {
        // [ts delta, real ticks, P, G, stack]: ordered by the real tick, on the profile pseudo-proc.
        const row = out.store.add(typ, args[2] === -1 ? -1 : args[2] | 0, args[3], args[1], base + at);
        setArgs(out.store, row, 0, args[2], args[3], 0);
        out.store.stk[row] = args[4] >>> 0;
        out.cpuSamples.push(row);
        continue;
      }
      case V1.Frequency:
        out.ticksPerSec = args[0];
        if (out.ticksPerSec <= 0) throw err(at, 'time stamps out of order (frequency is not positive)', 'BAD_TABLE');
        continue;
      case V1.TimerGoroutine:
        out.timerGoids.add(args[0]);
        continue;
      case V1.Stack: {
        if (args.length < 2) throw err(at, `EvStack has wrong number of arguments: want at least 2, got ${args.length}`, 'BAD_TABLE');
        const size = args[1];
        if (size > 1000) throw err(at, `EvStack has bad number of frames: ${size}`, 'BAD_TABLE');
        if (args.length !== 2 + 4 * size) throw err(at, `EvStack has wrong number of arguments: want ${2 + 4 * size}, got ${args.length}`, 'BAD_TABLE');
        const id = args[0] >>> 0;
        if (id !== 0 && size > 0) {
          const pcs: number[] = [];
          for (let i = 0; i < size; i++) {
            const pc = args[2 + i * 4];
            pcs.push(pc);
            if (!out.pcs.has(pc)) out.pcs.set(pc, { fn: args[3 + i * 4], file: args[4 + i * 4], line: args[5 + i * 4] });
          }
          out.stacks.set(id, pcs);
        }
        continue;
      }
    }
    const desc = V1_DESCS[typ];
    const ts = lastTs + args[0];
    lastTs = ts;
    const row = out.store.add(typ, lastP, lastG, ts, base + at);
    const n = args.length;
    const a = out.store.args;
    for (let i = 1; i < n; i++) {
      if (i === n - 1 && desc.stack) out.store.stk[row] = args[i] >>> 0;
      else a[4 * row + i - 1] = args[i];
    }
    switch (typ) {
      case V1.GoStart:
      case V1.GoStartLocal:
      case V1.GoStartLabel:
        lastG = a[4 * row];
        out.store.g[row] = lastG;
        break;
      case V1.GoEnd: case V1.GoStop: case V1.GoSched: case V1.GoPreempt: case V1.GoSleep: case V1.GoBlock:
      case V1.GoBlockSend: case V1.GoBlockRecv: case V1.GoBlockSelect: case V1.GoBlockSync: case V1.GoBlockCond:
      case V1.GoBlockNet: case V1.GoSysBlock: case V1.GoBlockGC:
        lastG = 0;
        break;
      case V1.GoSysExit:
      case V1.GoWaiting:
      case V1.GoInSyscall:
        out.store.g[row] = a[4 * row];
        break;
      case V1.UserLog: {
        let id = inlineIds.get(message);
        if (id === undefined) {
          id = out.inlineStrings.length;
          inlineIds.set(message, id);
          out.inlineStrings.push(message);
        }
        a[4 * row + 3] = id;
        break;
      }
    }
    list!.push(row);
  }
  return out;
}

function setArgs(store: V1Store, row: number, a0: number, a1: number, a2: number, a3: number): void {
  store.args[4 * row] = a0;
  store.args[4 * row + 1] = a1;
  store.args[4 * row + 2] = a2;
  store.args[4 * row + 3] = a3;
}
