/**
 * Typed errors for everything that can be wrong with a trace file. Each carries a
 * stable code (for the CLI, the API and tests) and the byte offset in the file
 * where the problem was found, so a user can look at the bytes with `xxd -s`.
 */

export type TraceErrorCode =
  | 'NOT_A_FILE' // path is a directory, missing, unreadable
  | 'EMPTY_FILE' // zero bytes
  | 'BAD_MAGIC' // no "go 1.N trace" header: not a Go execution trace
  | 'UNSUPPORTED_VERSION' // a header we do not read (go 1.5 … 1.10, future versions)
  | 'TRUNCATED' // the file ends inside a batch, a record or a generation
  | 'BAD_VARINT' // a base-128 varint longer than 10 bytes or overflowing 64 bits
  | 'BAD_BATCH' // batch framing: wrong header byte, size, generation number
  | 'BAD_TABLE' // string/stack/frequency/clock tables of a generation
  | 'BAD_EVENT' // an event that cannot be decoded (unknown type, wrong argument count)
  | 'BAD_ORDER' // events that no consistent scheduler history can explain
  | 'IO'; // the operating system failed to read the file

export class TraceError extends Error {
  override readonly name = 'TraceError';

  constructor(
    readonly code: TraceErrorCode,
    /** Byte offset in the file where the problem was detected. */
    readonly offset: number,
    readonly detail: string,
    /** The file the error is about; set by whoever opened it. */
    public file?: string,
  ) {
    super(detail);
  }

  /** `FILE: offset 0x1f3a: <what is wrong>`, the form the CLI prints. */
  format(): string {
    const where = `offset 0x${Math.max(0, this.offset).toString(16)}`;
    return this.file ? `${this.file}: ${where}: ${this.detail}` : `${where}: ${this.detail}`;
  }

  /** True when the damage is "the file ends early" rather than corruption. */
  get isTruncation(): boolean {
    return this.code === 'TRUNCATED';
  }
}

export function isTraceError(e: unknown): e is TraceError {
  return e instanceof TraceError;
}
