import type { ByteSource } from '../byte-source.ts';
import { EventKind } from '../event-kinds.ts';
import type { StackTable } from '../stack-table.ts';
import type { StringTable } from '../string-table.ts';
import { TraceEvent } from '../trace-event.ts';
import { finalizeEvent, RangeNames } from '../v2/finalize-event.ts';
import { V1Converter } from './v1-convert.ts';
import { orderV1 } from './v1-order.ts';
import { parseV1 } from './v1-parse.ts';
import { postProcessV1 } from './v1-postprocess.ts';
import { V1Tables } from './v1-tables.ts';

/**
 * Reads an old-format trace (go 1.11, 1.19, 1.21 headers) and yields the same
 * events the reference reader does for it: one generation, a Sync before the
 * first event and one after the last. The file is parsed and ordered whole on
 * the first call (its frequency and stacks are at the end).
 */
export class V1Reader {
  private conv: V1Converter | null = null;
  private tables: V1Tables | null = null;
  private readonly names: RangeNames;
  private readonly out = new TraceEvent();
  private syncs = 0;
  private done = false;
  /** Go time of our first event: every time we return is relative to it. */
  private base = 0;
  private bytes = 0;
  /** Bytes accounted for by the events up to the last Sync: the header, then the whole file. */
  validBytes: number;

  constructor(
    private readonly src: ByteSource,
    readonly minor: number,
    readonly strings: StringTable,
    readonly stacks: StackTable,
  ) {
    this.names = new RangeNames(strings);
    this.validBytes = src.offset;
  }

  get bytesRead(): number {
    return this.conv === null ? this.src.offset : this.bytes;
  }

  next(): TraceEvent | null {
    if (this.done) return null;
    try {
      return this.step();
    } catch (e) {
      this.done = true;
      throw e;
    }
  }

  private load(): V1Converter {
    const start = this.src.offset;
    const data = this.src.readRest();
    this.bytes = start + data.length;
    const parsed = parseV1(data, start, this.minor);
    const order = orderV1(parsed);
    postProcessV1(parsed, order);
    this.tables = new V1Tables(parsed, this.strings, this.stacks);
    return new V1Converter(parsed.store, order, this.tables, this.minor);
  }

  private step(): TraceEvent | null {
    if (this.conv === null) {
      this.conv = this.load();
      const first = this.conv.peekTime();
      if (first !== null) {
        this.base = first - 1;
        return this.sync(first - 1);
      }
      this.base = this.conv.lastTs + 1;
    }
    const raw = this.conv.next();
    if (raw === null) {
      this.done = true;
      this.validBytes = this.bytes;
      return this.sync(this.conv.lastTs + 1);
    }
    finalizeEvent(raw, this.tables!, this.names, this.out, false);
    this.out.timeNs = raw.time - this.base;
    return this.out;
  }

  private sync(goTime: number): TraceEvent {
    const out = this.out;
    out.resetDetails();
    out.kind = EventKind.Sync;
    out.type = 255;
    out.timeNs = goTime - this.base;
    out.g = out.p = out.m = -1;
    out.offset = this.bytes;
    out.syncN = ++this.syncs;
    return out;
  }
}
