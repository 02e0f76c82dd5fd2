import { ByteSource } from './byte-source.ts';
import { readHeader, type TraceHeader } from './header.ts';
import { StackTable } from './stack-table.ts';
import { StringTable } from './string-table.ts';
import { TraceError } from './trace-error.ts';
import type { TraceEvent } from './trace-event.ts';
import { V1Reader } from './v1/v1-reader.ts';
import { V2Reader } from './v2/v2-reader.ts';

/** What every format's reader offers: events in Go's order, one at a time. */
export interface EventSource {
  /** The next event (reused object; copy what you keep), or null at the end. Throws TraceError. */
  next(): TraceEvent | null;
  /** Bytes of the file consumed so far. */
  readonly bytesRead: number;
  /** Bytes fully accounted for by the events returned up to the last Sync. */
  readonly validBytes: number;
}

export interface OpenedTrace {
  header: TraceHeader;
  events: EventSource;
  strings: StringTable;
  stacks: StackTable;
  /** Size of the file in bytes. */
  size: number;
  /** The path, when opened from a file (for error messages). */
  file?: string;
  close(): void;
}

/** Opens a trace file (or bytes) and returns a reader positioned at its first event. */
export function openTrace(input: string | Uint8Array, file = typeof input === 'string' ? input : undefined): OpenedTrace {
  const src = typeof input === 'string' ? ByteSource.fromFile(input) : ByteSource.fromBytes(input);
  try {
    const header = readHeader(src);
    const strings = new StringTable();
    const stacks = new StackTable(strings);
    const events: EventSource =
      header.format === 'v2' ? new V2Reader(src, header.minor, strings, stacks) : new V1Reader(src, header.minor, strings, stacks);
    return { header, events, strings, stacks, size: src.size, file, close: () => src.close() };
  } catch (e) {
    src.close();
    if (e instanceof TraceError && file !== undefined) e.file = file;
    throw e;
  }
}
