import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ByteSource } from '../../server/trace/byte-source.ts';
import { BatchArena } from '../../server/trace/v2/batch-arena.ts';

/** Byte equality of big arrays (toEqual walks them element by element: seconds for a megabyte). */
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

const tmp = mkdtempSync(join(tmpdir(), 'gtv-bytes-'));

/** A file of `n` bytes whose byte i is a hash of i (no two nearby bytes alike). */
function patternFile(n: number): { path: string; bytes: Uint8Array } {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = (Math.imul(i, 2654435761) >>> 13) & 255;
  const path = join(tmp, `pattern-${n}.bin`);
  writeFileSync(path, bytes);
  return { path, bytes };
}

describe('ByteSource.readInto', () => {
  it('reads spans inside the window, across its end and far past it, interleaved with byte reads, as the file holds them', () => {
    // 1 MB: four times the 256 KiB window, so reads straddle and pass it.
    const { path, bytes } = patternFile(1 << 20);
    const src = ByteSource.fromFile(path);
    const sizes = [3, 70_000, 1, 200_000, 65_536, 300_000, 12];
    let off = 0;
    try {
      for (let round = 0; off < bytes.length; round++) {
        expect(src.readByte()).toBe(bytes[off]);
        off++;
        const n = Math.min(sizes[round % sizes.length], bytes.length - off);
        const dst = new Uint8Array(n + 10).fill(0xee);
        expect(src.readInto(dst, 5, n)).toBe(n);
        expect(same(dst.subarray(5, 5 + n), bytes.subarray(off, off + n))).toBe(true);
        // Nothing written outside [at, at + n).
        expect([...dst.subarray(0, 5), ...dst.subarray(5 + n)].every((b) => b === 0xee)).toBe(true);
        off += n;
        expect(src.offset).toBe(off);
      }
      expect(src.readByte()).toBe(-1);
    } finally {
      src.close();
    }
  });

  it('returns what is left when the file ends inside the span (a truncated batch), then reports the end', () => {
    const { path, bytes } = patternFile(300_000);
    const src = ByteSource.fromFile(path);
    try {
      src.readByte();
      const dst = new Uint8Array(400_000);
      expect(src.readInto(dst, 0, 400_000)).toBe(bytes.length - 1);
      expect(same(dst.subarray(0, bytes.length - 1), bytes.subarray(1))).toBe(true);
      expect(src.offset).toBe(bytes.length);
      expect(src.readInto(dst, 0, 10)).toBe(0);
      expect(src.readByte()).toBe(-1);
    } finally {
      src.close();
    }
  });

  it('reads from an in-memory trace the same way', () => {
    const { bytes } = patternFile(100_000);
    const src = ByteSource.fromBytes(bytes);
    const dst = new Uint8Array(60_000);
    expect(src.readInto(dst, 0, 60_000)).toBe(60_000);
    expect(same(dst, bytes.subarray(0, 60_000))).toBe(true);
    expect(src.readInto(dst, 0, 60_000)).toBe(40_000);
  });
});

describe('BatchArena', () => {
  it('keeps every batch of a read intact while it grows, and reuses its buffer after a reset', () => {
    const { path, bytes } = patternFile(8 << 20);
    const src = ByteSource.fromFile(path);
    const arena = new BatchArena();
    try {
      // 60 batches of 64 KiB (3.75 MB): 16 fill the first 1 MB buffer, 32 the 2 MB one, the rest a 4 MB one.
      const batches: { at: number; data: Uint8Array }[] = [];
      for (let i = 0; i < 60; i++) batches.push({ at: src.offset, data: arena.read(src, 65_536) });
      for (const b of batches) expect(same(b.data, bytes.subarray(b.at, b.at + 65_536))).toBe(true);
      const buffers = new Set(batches.map((b) => b.data.buffer));
      expect(buffers.size).toBe(3);
      // The next read starts over in the last (biggest) buffer: the first batch read now shares it.
      arena.reset();
      const again = arena.read(src, 65_536);
      expect(again.buffer).toBe(batches[batches.length - 1].data.buffer);
      expect(again.byteOffset).toBe(0);
      expect(same(again, bytes.subarray(src.offset - 65_536, src.offset))).toBe(true);
    } finally {
      src.close();
    }
  });

  it('gives a short batch at the end of the file (the caller reports the truncation)', () => {
    const { path } = patternFile(1000);
    const src = ByteSource.fromFile(path);
    try {
      expect(new BatchArena().read(src, 5000).length).toBe(1000);
    } finally {
      src.close();
    }
  });
});
