import type { ByteSource } from './byte-source.ts';
import { TraceError } from './trace-error.ts';

/** Header minors we read: 11, 19, 21 are the old format, 22+ the generational one. */
export const V1_VERSIONS = [11, 19, 21] as const;
export const V2_VERSIONS = [22, 23, 25, 26] as const;

export interface TraceHeader {
  /** Minor version number from the header: 22 for "go 1.22 trace". */
  minor: number;
  /** "go 1.22", as `stats` prints it. */
  label: string;
  format: 'v1' | 'v2';
  /** Bytes the header occupies (always 16 for the versions we read). */
  byteLength: number;
}

const HEADER_BYTES = 16;
const HEADER_RE = /^go 1\.(\d{1,3}) trace\0+$/;

/**
 * Reads the 16-byte "go 1.NN trace\0\0\0" header. There is no other magic number,
 * so anything else is "not a Go execution trace".
 */
export function readHeader(src: ByteSource): TraceHeader {
  if (src.size === 0) throw new TraceError('EMPTY_FILE', 0, 'empty file: no trace header');
  const bytes = src.readBytes(HEADER_BYTES);
  const text = String.fromCharCode(...bytes);
  const m = HEADER_RE.exec(text);
  if (!m) {
    if (bytes.length < HEADER_BYTES && 'go 1.'.startsWith(text.slice(0, 5))) {
      throw new TraceError('TRUNCATED', bytes.length, `file ends inside the 16-byte trace header`);
    }
    throw new TraceError('BAD_MAGIC', 0, `bad file format: not a Go execution trace (starts with ${JSON.stringify(text.slice(0, 16))})`);
  }
  const minor = Number(m[1]);
  const label = `go 1.${minor}`;
  let format: 'v1' | 'v2';
  if ((V1_VERSIONS as readonly number[]).includes(minor)) format = 'v1';
  else if ((V2_VERSIONS as readonly number[]).includes(minor)) format = 'v2';
  else {
    const hint = minor < 11 ? ' (written by Go 1.10 or older)' : minor === 24 ? '' : ' (newer than this gotrace-view)';
    throw new TraceError('UNSUPPORTED_VERSION', 0, `unsupported trace version ${label}${hint}; readable: go 1.11, 1.19, 1.21, 1.22, 1.23, 1.25, 1.26`);
  }
  return { minor, label, format, byteLength: HEADER_BYTES };
}
