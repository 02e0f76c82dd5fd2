import { decodeTraceString } from '../string-table.ts';
import { TraceError } from '../trace-error.ts';
import { uvarintAt, uvarintBigAt, varintEnd, varintStatus, VARINT_OK, VARINT_SHORT } from '../varint.ts';
import { isCPUSamplesBatch, isStacksBatch, isStringsBatch, isSyncBatch, type RawBatch } from './batch.ts';
import type { Generation } from './generation.ts';
import { Ev, MAX_FRAMES_PER_STACK, MAX_STRING_SIZE } from './wire-events.ts';

/** Files a batch into its generation: a table section, the sync batch, or a thread's events. */
export function processBatch(g: Generation, b: RawBatch, minor: number): void {
  if (isStringsBatch(b)) addStrings(g, b);
  else if (isStacksBatch(b)) addStacks(g, b);
  else if (isCPUSamplesBatch(b)) addCpuSamples(g, b);
  else if (isSyncBatch(b, minor)) setSync(g, b, minor);
  else if (b.exp !== 0) {
    let list = g.expBatches.get(b.exp);
    if (!list) g.expBatches.set(b.exp, (list = []));
    // A copy: the Sync event hands these bytes out, and the batch's own are reused two generations on (batch-arena.ts).
    list.push({ thread: b.m, data: b.data.slice() });
  } else if (b.endOfGeneration) {
    throw new TraceError('BAD_BATCH', b.dataOffset, 'unexpected end-of-generation marker; broken trace?');
  } else {
    let list = g.batches.get(b.m);
    if (!list) {
      g.batches.set(b.m, (list = []));
      g.batchMs.push(b.m);
    }
    list.push(b);
  }
}

/** A cursor over one table batch; every read checks bounds against the batch. */
class TableReader {
  pos = 1; // past the section header byte
  /** The stack being read, named in errors (messages are built only on error: a 68 MB trace reads 2 M frames). */
  stackId = -1;
  constructor(readonly b: RawBatch) {}

  get done(): boolean {
    return this.pos >= this.b.data.length;
  }
  get offset(): number {
    return this.b.dataOffset + this.pos;
  }

  byte(): number {
    return this.b.data[this.pos++];
  }

  uvarint(what: string): number {
    const v = uvarintAt(this.b.data, this.pos, this.b.data.length);
    if (varintStatus !== VARINT_OK) {
      const code = varintStatus === VARINT_SHORT ? 'BAD_TABLE' : 'BAD_VARINT';
      const where = this.stackId >= 0 ? ` of stack ${this.stackId}` : '';
      throw new TraceError(code, this.offset, `malformed or cut-off varint reading ${what}${where}`);
    }
    this.pos = varintEnd;
    return v;
  }

  uvarintBig(what: string): bigint {
    const v = uvarintBigAt(this.b.data, this.pos, this.b.data.length);
    if (varintStatus !== VARINT_OK) throw new TraceError('BAD_TABLE', this.offset, `malformed or cut-off varint reading ${what}`);
    this.pos = varintEnd;
    return v;
  }

  expect(ev: Ev, name: string): void {
    const at = this.offset;
    const t = this.byte();
    if (t !== ev) throw new TraceError('BAD_TABLE', at, `expected ${name} event, got ${t}`);
  }
}

function addStrings(g: Generation, b: RawBatch): void {
  const r = new TableReader(b);
  while (!r.done) {
    const at = r.offset;
    r.expect(Ev.String, 'string');
    const id = r.uvarint('string id');
    const len = r.uvarint('string length');
    if (len > MAX_STRING_SIZE || len < 0) throw new TraceError('BAD_TABLE', at, `invalid string size ${len}, maximum is ${MAX_STRING_SIZE}`);
    if (r.pos + len > b.data.length) {
      throw new TraceError('BAD_TABLE', r.offset, `failed to read full string: read ${b.data.length - r.pos} but wanted ${len}`);
    }
    const text = decodeTraceString(b.data.subarray(r.pos, r.pos + len));
    r.pos += len;
    if (id === 0 || g.strings.has(id)) throw new TraceError('BAD_TABLE', at, `multiple strings with the same ID: id=${id}`);
    g.strings.set(id, g.stringTable.intern(text));
  }
}

function addStacks(g: Generation, b: RawBatch): void {
  const r = new TableReader(b);
  while (!r.done) {
    const at = r.offset;
    r.expect(Ev.Stack, 'stack');
    r.stackId = -1;
    const id = r.uvarint('stack id');
    r.stackId = id;
    const n = r.uvarint('the frame count');
    if (n > MAX_FRAMES_PER_STACK || n < 0) throw new TraceError('BAD_TABLE', at, `invalid stack size ${n}, maximum is ${MAX_FRAMES_PER_STACK}`);
    const pcs: number[] = [];
    for (let i = 0; i < n; i++) {
      const pc = r.uvarint("a frame's PC");
      const funcId = r.uvarint("a frame's funcID");
      const fileId = r.uvarint("a frame's fileID");
      const line = r.uvarint("a frame's line");
      pcs.push(pc);
      if (!g.pcs.has(pc)) g.pcs.set(pc, { funcId, fileId, line });
    }
    if (id === 0 || g.stackIndex.has(id)) throw new TraceError('BAD_TABLE', at, `multiple stacks with the same ID: id=${id}`);
    g.stackIndex.set(id, g.stackList.length);
    g.stackList.push({ id, pcs, offset: at });
  }
}

function addCpuSamples(g: Generation, b: RawBatch): void {
  const r = new TableReader(b);
  while (!r.done) {
    const offset = r.offset;
    r.expect(Ev.CPUSample, 'CPU sample');
    const time = r.uvarint('CPU sample time');
    const m = r.uvarint('CPU sample thread');
    const p = r.uvarint('CPU sample proc');
    const gid = r.uvarint('CPU sample goroutine');
    const stack = r.uvarint('CPU sample stack');
    g.cpuSamples.push({ timeAbs: time, m, p, g: gid === 0 ? -1 : gid, stack, offset });
  }
}

function setSync(g: Generation, b: RawBatch, minor: number): void {
  const r = new TableReader(b);
  r.pos = minor >= 25 ? 1 : 0; // 1.25+ batches open with an EvSync byte
  let lastTs = b.time;
  while (!r.done) {
    const at = r.offset;
    const t = r.byte();
    if (t === Ev.Frequency) {
      if (g.freq !== 0) throw new TraceError('BAD_TABLE', at, 'found multiple frequency events');
      const perSecond = r.uvarint('frequency');
      if (perSecond <= 0) throw new TraceError('BAD_TABLE', at, `invalid trace clock frequency ${perSecond}`);
      // ns per tick, computed exactly as the reference reader does (1/(f/1e9), not 1e9/f:
      // the two differ in the last bit for some frequencies, and so would every time).
      g.freq = 1.0 / (perSecond / 1e9);
    } else if (t === Ev.ClockSnapshot && minor >= 25) {
      if (g.hasClock) throw new TraceError('BAD_TABLE', at, 'found multiple clock snapshot events');
      g.hasClock = true;
      lastTs += r.uvarint('clock snapshot time delta');
      g.snapTime = lastTs;
      g.snapMono = r.uvarintBig('clock snapshot monotonic time');
      g.snapSec = r.uvarintBig('clock snapshot wall seconds');
      g.snapNsec = r.uvarintBig('clock snapshot wall nanoseconds');
    } else {
      throw new TraceError('BAD_TABLE', at, `expected frequency or clock snapshot event, got ${t}`);
    }
  }
}
