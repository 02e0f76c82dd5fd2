import { describe, expect, it } from 'vitest';
import { decodeChunk, encodeChunk, type Chunk, type LaneChunk } from '../../shared/chunk-codec.ts';
import { INSTANTS_TRACK, REGIONS_TRACK } from '../../shared/lane-tracks.ts';
import { buildChunk } from '../../server/query/build-chunk.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

/** The chunk wire format with lane tracks: round trips, and chunks without tracks stay as they were. */

function spansWithTracks(): LaneChunk {
  return {
    id: 'g:7',
    kind: 'spans',
    count: 3,
    arrays: { startNs: Float64Array.of(0, 10, 25), endNs: Float64Array.of(10, 25, 40), state: Uint8Array.of(1, 3, 1), count: Uint32Array.of(1, 1, 4), reason: Uint16Array.of(0, 2, 0) },
    tracks: {
      [REGIONS_TRACK]: {
        count: 2,
        arrays: { startNs: Float64Array.of(1, 2.5), endNs: Float64Array.of(30, 3), depth: Uint8Array.of(0, 1), count: Uint32Array.of(1, 7), name: Uint32Array.of(1, 0), row: Uint32Array.of(99, 4_000_000_000) },
        meta: { names: ['decode', 'http get'] },
      },
      [INSTANTS_TRACK]: {
        count: 1,
        arrays: { timeNs: Float64Array.of(12.5), kind: Uint8Array.of(5), count: Uint32Array.of(3), row: Uint32Array.of(17), label: Uint32Array.of(1) },
        meta: { labels: ['', '[batch] héllo, 世界'] },
      },
    },
  };
}

const plain = (l: LaneChunk) => ({
  id: l.id,
  kind: l.kind,
  count: l.count,
  meta: l.meta,
  arrays: Object.fromEntries(Object.entries(l.arrays).map(([k, a]) => [k, [a.constructor.name, Array.from(a)]])),
  tracks: l.tracks && Object.fromEntries(Object.entries(l.tracks).map(([n, t]) => [n, { count: t.count, meta: t.meta, arrays: Object.fromEntries(Object.entries(t.arrays).map(([k, a]) => [k, [a.constructor.name, Array.from(a)]])) }])),
});

/** The decoder before tracks existed: the header's lanes and their own arrays, nothing else. */
function decodeWithoutTracks(bytes: Uint8Array) {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as { lanes: { id: string; arrays: Record<string, [string, number, number]> }[] };
  const dataStart = (4 + headerLength + 7) & ~7;
  const ctors: Record<string, new (b: ArrayBuffer, o: number, n: number) => ArrayLike<number>> = { f64: Float64Array, u32: Uint32Array, u16: Uint16Array, u8: Uint8Array, i32: Int32Array };
  return header.lanes.map((l) => ({ id: l.id, arrays: Object.fromEntries(Object.entries(l.arrays).map(([k, [t, at, n]]) => [k, Array.from(new ctors[t](bytes.buffer as ArrayBuffer, bytes.byteOffset + dataStart + at, n))])) }));
}

describe('chunk codec with lane tracks', () => {
  const chunk: Chunk = { startNs: 0, endNs: 40, nsPerPx: 1, lanes: [spansWithTracks(), { id: 'gc', kind: 'spans', count: 1, arrays: { startNs: Float64Array.of(5), endNs: Float64Array.of(6), state: Uint8Array.of(20), count: Uint32Array.of(1) } }] };

  it('round-trips a lane’s tracks: counts, column types, values (u32 rows above 2^31 too) and meta', () => {
    const back = decodeChunk(encodeChunk(chunk));
    expect(back.lanes.map(plain)).toEqual(chunk.lanes.map(plain));
    // Every column a view at an 8-byte-aligned offset of the received bytes.
    for (const t of Object.values(back.lanes[0].tracks!)) for (const a of Object.values(t.arrays)) expect(a.byteOffset % 8).toBe(0);
  });

  it('decodes from an unaligned buffer too (copying it once)', () => {
    const bytes = encodeChunk(chunk);
    const shifted = new Uint8Array(bytes.length + 3).subarray(3);
    shifted.set(bytes);
    expect(decodeChunk(shifted).lanes.map(plain)).toEqual(chunk.lanes.map(plain));
  });

  it('a lane without tracks decodes without a tracks key, and its header has none (the format before tracks)', () => {
    const bytes = encodeChunk({ ...chunk, lanes: [chunk.lanes[1]] });
    const headerText = new TextDecoder().decode(bytes.subarray(4, 4 + new DataView(bytes.buffer).getUint32(0, true)));
    expect(headerText).not.toContain('tracks');
    expect('tracks' in decodeChunk(bytes).lanes[0]).toBe(false);
  });

  it('a decoder that knows nothing of tracks still reads every lane’s own columns from a chunk with tracks', () => {
    const old = decodeWithoutTracks(encodeChunk(chunk));
    expect(old).toEqual(chunk.lanes.map((l) => ({ id: l.id, arrays: Object.fromEntries(Object.entries(l.arrays).map(([k, a]) => [k, Array.from(a)])) })));
  });

  it('round-trips real goroutine lanes of the annotations fixture, tracks included', () => {
    const ctx = fixtureContext('annotations-go1.26.trace');
    const real = buildChunk(ctx, { lanes: ['g:1', 'g:20', 'proc:0'], startNs: 0, endNs: ctx.model.endNs, nsPerPx: 2 ** 14 });
    expect(real.lanes[1].tracks?.[REGIONS_TRACK]?.count).toBeGreaterThan(0);
    expect(real.lanes[1].tracks?.[INSTANTS_TRACK]?.count).toBeGreaterThan(0);
    expect(decodeChunk(encodeChunk(real)).lanes.map(plain)).toEqual(real.lanes.map(plain));
  });
});
