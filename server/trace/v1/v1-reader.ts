import type { ByteSource } from '../byte-source.ts';
import type { StackTable } from '../stack-table.ts';
import type { StringTable } from '../string-table.ts';
import { TraceError } from '../trace-error.ts';
import type { TraceEvent } from '../trace-event.ts';

/** Placeholder until the old-format reader lands. */
export class V1Reader {
  constructor(
    private readonly src: ByteSource,
    readonly minor: number,
    readonly strings: StringTable,
    readonly stacks: StackTable,
  ) {}
  get bytesRead(): number {
    return this.src.offset;
  }
  next(): TraceEvent | null {
    throw new TraceError('UNSUPPORTED_VERSION', 0, `go 1.${this.minor} traces are not read yet`);
  }
}
