import { describe, expect, it } from 'vitest';
import { encodeUvarint, uvarintAt, uvarintBigAt, varintEnd, varintStatus, VARINT_OK, VARINT_OVERFLOW, VARINT_SHORT } from '../../server/trace/varint.ts';

function enc(v: number | bigint): Uint8Array {
  const out: number[] = [];
  encodeUvarint(v, out);
  return Uint8Array.from(out);
}

describe('uvarint decoding', () => {
  it.each([0, 1, 127, 128, 300, 16383, 16384, 2 ** 28 - 1, 2 ** 28, 2 ** 35 + 7, 2 ** 53 - 1])('round-trips %d', (v) => {
    const b = enc(v);
    expect(uvarintAt(b, 0, b.length)).toBe(v);
    expect(varintStatus).toBe(VARINT_OK);
    expect(varintEnd).toBe(b.length);
  });

  it('reads 2^64-1 (NoThread on the wire) as -1, as Go reads it into an int64 id', () => {
    const b = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    expect(uvarintAt(b, 0, b.length)).toBe(-1);
    expect(uvarintBigAt(b, 0, b.length)).toBe(2n ** 64n - 1n);
  });

  it('accepts the 10-byte padded lengths the runtime writes (74 → ca 80 … 00)', () => {
    const b = Uint8Array.from([0xca, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]);
    expect(uvarintAt(b, 0, b.length)).toBe(74);
    expect(varintEnd).toBe(10);
  });

  it('reports a varint cut off by the end of the buffer', () => {
    uvarintAt(Uint8Array.from([0x80, 0x80]), 0, 2);
    expect(varintStatus).toBe(VARINT_SHORT);
  });

  it('rejects an 11-byte varint and a 10th byte above 1 (more than 64 bits)', () => {
    uvarintAt(new Uint8Array(11).fill(0x80), 0, 11);
    expect(varintStatus).toBe(VARINT_OVERFLOW);
    const b = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02]);
    uvarintAt(b, 0, b.length);
    expect(varintStatus).toBe(VARINT_OVERFLOW);
  });

  it('honours the end bound even when the buffer is longer', () => {
    const b = Uint8Array.from([0x80, 0x01]);
    uvarintAt(b, 0, 1);
    expect(varintStatus).toBe(VARINT_SHORT);
  });
});
