/**
 * Unsigned LEB128 varints as Go's encoding/binary writes them: 7 bits per byte,
 * low group first, at most 10 bytes, the 10th byte 0 or 1. Padded (non-minimal)
 * encodings are legal: the runtime writes batch lengths as 10-byte varints.
 *
 * Values come back as JS numbers with Go's int64 reading of the 64 bits, so
 * 2^64-1 (NoThread, NoProc, NoTask on the wire) is -1, exactly as Go's
 * `ThreadID(uint64)` conversion gives. Values between 2^53 and 2^63 lose low
 * bits; only ids in adversarial files get that large, never times or sizes
 * (2^53 ns is 104 days).
 */

/** Position just after the last varint decoded by `uvarintAt`. */
export let varintEnd = 0;

/** Decode failure reasons, returned as negative sentinels by `uvarintStatus`. */
export const VARINT_OK = 0;
export const VARINT_SHORT = 1; // buffer ended before the last byte
export const VARINT_OVERFLOW = 2; // more than 64 bits
export let varintStatus = VARINT_OK;

const TWO_28 = 0x10000000;

/**
 * Decodes the varint at `pos` in `buf`, reading no further than `end`.
 * On success sets `varintEnd` and `varintStatus = VARINT_OK`; on failure sets
 * `varintStatus` and returns 0.
 */
export function uvarintAt(buf: Uint8Array, pos: number, end: number): number {
  if (pos < end) {
    const b0 = buf[pos];
    if (b0 < 0x80) {
      varintEnd = pos + 1;
      varintStatus = VARINT_OK;
      return b0;
    }
  }
  return uvarintSlow(buf, pos, end);
}

function uvarintSlow(buf: Uint8Array, pos: number, end: number): number {
  // Low 28 bits in `lo` with integer ops, the remaining 36 in `hi`.
  let lo = 0;
  let i = 0;
  for (; i < 4; i++) {
    if (pos + i >= end) return fail(VARINT_SHORT);
    const b = buf[pos + i];
    lo |= (b & 0x7f) << (7 * i);
    if (b < 0x80) {
      varintEnd = pos + i + 1;
      varintStatus = VARINT_OK;
      return lo;
    }
  }
  let hi = 0;
  let scale = 1;
  for (; i < 10; i++) {
    if (pos + i >= end) return fail(VARINT_SHORT);
    const b = buf[pos + i];
    if (i === 9 && b > 1) return fail(VARINT_OVERFLOW);
    hi += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) {
      varintEnd = pos + i + 1;
      varintStatus = VARINT_OK;
      if (i === 9 && b === 1) return negative(hi, lo);
      return hi * TWO_28 + lo;
    }
  }
  return fail(VARINT_OVERFLOW);
}

/** Bit 63 set: the int64 value is -(~x + 1), computed on the two halves. */
function negative(hi: number, lo: number): number {
  const notLo = ~lo & (TWO_28 - 1);
  const notHi = 2 ** 36 - 1 - hi;
  return -(notHi * TWO_28 + notLo + 1);
}

function fail(status: number): number {
  varintStatus = status;
  return 0;
}

/** Appends the minimal encoding of a non-negative integer (for tests and fixtures). */
export function encodeUvarint(value: number | bigint, out: number[]): void {
  let v = BigInt(value);
  if (v < 0n) v += 1n << 64n;
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
}

/** Exact decoding as a bigint (for the few values that may exceed 2^53: clock readings). */
export function uvarintBigAt(buf: Uint8Array, pos: number, end: number): bigint {
  let v = 0n;
  for (let i = 0; i < 10; i++) {
    if (pos + i >= end) {
      varintStatus = VARINT_SHORT;
      return 0n;
    }
    const b = buf[pos + i];
    if (i === 9 && b > 1) {
      varintStatus = VARINT_OVERFLOW;
      return 0n;
    }
    v |= BigInt(b & 0x7f) << BigInt(7 * i);
    if (b < 0x80) {
      varintEnd = pos + i + 1;
      varintStatus = VARINT_OK;
      return v;
    }
  }
  varintStatus = VARINT_OVERFLOW;
  return 0n;
}
