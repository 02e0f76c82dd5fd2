import type { ByteSource } from '../byte-source.ts';
import { TraceError } from '../trace-error.ts';
import type { BatchArena } from './batch-arena.ts';
import { Ev, MAX_BATCH_SIZE } from './wire-events.ts';

/** One batch of a generational trace, unparsed except for its header. */
export interface RawBatch {
  gen: number;
  /** Thread id (-1 for batches written without an M). */
  m: number;
  /** Trace-clock value when the batch was started. */
  time: number;
  data: Uint8Array;
  /** File offset of data[0]; events report offsets relative to it. */
  dataOffset: number;
  /** Experiment id, 0 for regular batches. */
  exp: number;
  /** The one-byte end-of-generation marker of go 1.26 traces. */
  endOfGeneration: boolean;
}

/**
 * Reads the next batch. Returns null at a clean end of file. Mirrors the
 * reference reader: a top-level 0x34 byte is an end-of-generation marker; a
 * file that ends right after an experimental-batch byte also counts as a clean
 * end (Go's reader treats that EOF as the end of the trace).
 */
export function readBatch(src: ByteSource, arena: BatchArena): RawBatch | null {
  const start = src.offset;
  const b = src.readByte();
  if (b < 0) return null;
  if (b === Ev.EndOfGeneration) {
    return { gen: 0, m: -1, time: 0, data: EOG_DATA, dataOffset: start, exp: 0, endOfGeneration: true };
  }
  if (b !== Ev.EventBatch && b !== Ev.ExperimentalBatch) {
    throw new TraceError('BAD_BATCH', start, `expected batch event, got event ${b}`);
  }
  let exp = 0;
  if (b === Ev.ExperimentalBatch) {
    exp = src.readByte();
    if (exp < 0) return null;
  }
  const gen = header(src, 'batch generation');
  const m = header(src, 'batch thread (M) id');
  const time = header(src, 'batch timestamp');
  const sizeOffset = src.offset;
  const size = header(src, 'batch size');
  if (size < 0 || size > MAX_BATCH_SIZE) {
    throw new TraceError('BAD_BATCH', sizeOffset, `invalid batch size ${size}, maximum is ${MAX_BATCH_SIZE}`);
  }
  const dataOffset = src.offset;
  const data = arena.read(src, size);
  if (data.length !== size) {
    throw new TraceError('TRUNCATED', dataOffset + data.length, `failed to read full batch: read ${data.length} but wanted ${size} (batch at 0x${start.toString(16)})`);
  }
  return { gen, m, time, data, dataOffset, exp, endOfGeneration: false };
}

function header(src: ByteSource, what: string): number {
  const v = src.readUvarint(what);
  if (v === null) throw new TraceError('TRUNCATED', src.offset, `file ends inside a batch header (${what})`);
  return v;
}

const EOG_DATA = new Uint8Array([Ev.EndOfGeneration]);

export function isStringsBatch(b: RawBatch): boolean {
  return b.exp === 0 && b.data.length > 0 && b.data[0] === Ev.Strings;
}

export function isStacksBatch(b: RawBatch): boolean {
  return b.exp === 0 && b.data.length > 0 && b.data[0] === Ev.Stacks;
}

export function isCPUSamplesBatch(b: RawBatch): boolean {
  return b.exp === 0 && b.data.length > 0 && b.data[0] === Ev.CPUSamples;
}

/** Before go 1.25 a sync batch is a lone Frequency event; from 1.25 it starts with EvSync. */
export function isSyncBatch(b: RawBatch, minor: number): boolean {
  if (b.exp !== 0 || b.data.length === 0) return false;
  return minor < 25 ? b.data[0] === Ev.Frequency : b.data[0] === Ev.Sync;
}
