import type { ByteSource } from '../byte-source.ts';
import type { StackTable } from '../stack-table.ts';
import type { StringTable } from '../string-table.ts';
import { TraceError } from '../trace-error.ts';
import type { BatchArena } from './batch-arena.ts';
import { readBatch, type RawBatch } from './batch.ts';
import { processBatch } from './gen-tables.ts';
import { Generation } from './generation.ts';

export interface GenerationRead {
  /** The generation, or null when the trace has no more. */
  gen: Generation | null;
  /** go ≤1.25: the first batch of the next generation, already read. */
  spill: RawBatch | null;
  /** go ≤1.25: an error met while looking for the next generation, reported after `gen`. */
  spillError: TraceError | null;
  /** File offset where the generation's bytes end. */
  endOffset: number;
}

/**
 * go 1.22 … 1.25: a generation ends where a batch of generation+1 starts (that
 * batch is "spilled" into the next call) or at the end of the file. A read error
 * after some batches of this generation is held back so the generation itself
 * is still delivered: everything complete before damage stays readable.
 */
export function readGenerationWithSpill(
  src: ByteSource,
  spill: RawBatch | null,
  minor: number,
  strings: StringTable,
  stacks: StackTable,
  arena: BatchArena,
): GenerationRead {
  const g = new Generation(strings, stacks);
  if (spill) {
    g.gen = spill.gen;
    g.minTs = spill.time;
    processBatch(g, spill, minor);
  }
  let nextSpill: RawBatch | null = null;
  let spillError: TraceError | null = null;
  let endOffset = src.offset;
  for (;;) {
    const at = src.offset;
    endOffset = at;
    let b: RawBatch | null;
    try {
      b = readBatch(src, arena);
    } catch (e) {
      if (g.gen !== 0 && e instanceof TraceError) {
        spillError = e;
        break;
      }
      throw e;
    }
    if (b === null) {
      endOffset = src.offset;
      break;
    }
    if (b.gen === 0) throw new TraceError('BAD_BATCH', at, 'invalid generation number 0');
    if (g.gen === 0) g.gen = b.gen;
    if (b.gen === g.gen + 1) {
      nextSpill = b;
      break;
    }
    if (b.gen !== g.gen) throw new TraceError('BAD_BATCH', at, `generations out of order: batch of generation ${b.gen} inside generation ${g.gen}`);
    if (g.minTs === 0 || b.time < g.minTs) g.minTs = b.time;
    processBatch(g, b, minor);
  }
  finish(g, minor >= 25, src.offset);
  g.endOffset = endOffset;
  return { gen: g, spill: nextSpill, spillError, endOffset };
}

/**
 * go 1.26+: every generation ends with a one-byte end-of-generation marker.
 * End of file exactly at a boundary is the clean end of the trace.
 */
export function readGenerationWithMarker(src: ByteSource, strings: StringTable, stacks: StackTable, arena: BatchArena): Generation | null {
  const g = new Generation(strings, stacks);
  for (;;) {
    const at = src.offset;
    const b = readBatch(src, arena);
    if (b === null) {
      if (g.batches.size !== 0) {
        throw new TraceError('TRUNCATED', at, 'incomplete generation found; trace likely truncated (no end-of-generation marker before end of file)');
      }
      return null;
    }
    if (g.gen === 0) g.gen = b.gen;
    if (b.endOfGeneration) break;
    if (b.gen === 0) throw new TraceError('BAD_BATCH', at, 'invalid generation number 0');
    if (b.gen !== g.gen) {
      throw new TraceError('BAD_BATCH', at, 'broken trace: missing end-of-generation event, or generations are interleaved');
    }
    if (g.minTs === 0 || b.time < g.minTs) g.minTs = b.time;
    processBatch(g, b, 26);
  }
  finish(g, true, src.offset);
  g.endOffset = src.offset;
  return g;
}

function finish(g: Generation, needClock: boolean, offset: number): void {
  if (g.freq === 0) throw new TraceError('BAD_TABLE', offset, `no frequency event found in generation ${g.gen}`);
  if (needClock && !g.hasClock) throw new TraceError('BAD_TABLE', offset, `no clock snapshot event found in generation ${g.gen}`);
  g.validateStacks();
  g.fixUpCpuSamples();
}
