/**
 * The chunk wire format: what the server sends for a set of lanes, a time
 * window and a resolution. Binary, so a chunk of 50 000 spans is 1.4 MB of
 * typed arrays that the browser wraps without parsing:
 *
 *   u32 little-endian: header length H
 *   H bytes: UTF-8 JSON header {v, startNs, endNs, nsPerPx, lanes: [{id, kind, count, arrays: {name: [type, offset, length]}, tracks?}]}
 *   zero padding to a multiple of 8
 *   the arrays' bytes, each at an 8-byte-aligned offset from the start of the data section
 */

export type ArrayType = 'f64' | 'f32' | 'i32' | 'u32' | 'u16' | 'u8';
export type Typed = Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

/**
 * Extra rows a lane carries besides its own, with their own row count
 * (shared/lane-tracks.ts names them: user regions, instants). Optional in the
 * header, so chunks without tracks encode byte for byte as before and a
 * decoder that does not know tracks still reads the lane.
 */
export interface LaneTrack {
  count: number;
  arrays: Record<string, Typed>;
  meta?: Record<string, unknown>;
}

export interface LaneChunk {
  id: string;
  kind: 'spans' | 'counter' | 'markers';
  /** Rows in this lane's arrays. */
  count: number;
  /** Column name → typed array of `count` rows (counter lanes: per-series min/max columns). */
  arrays: Record<string, Typed>;
  /** Small extras (e.g. series names), JSON-encoded in the header. */
  meta?: Record<string, unknown>;
  /** Extra row sets by track name (absent when the lane has none). */
  tracks?: Record<string, LaneTrack>;
}

export interface Chunk {
  startNs: number;
  endNs: number;
  nsPerPx: number;
  lanes: LaneChunk[];
}

const VERSION = 1;
const CTORS: Record<ArrayType, new (b: ArrayBuffer, o: number, n: number) => Typed> = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  u16: Uint16Array,
  u8: Uint8Array,
};

function typeOf(a: Typed): ArrayType {
  if (a instanceof Float64Array) return 'f64';
  if (a instanceof Float32Array) return 'f32';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Uint16Array) return 'u16';
  return 'u8';
}

const align8 = (n: number): number => (n + 7) & ~7;

type ArrayRefs = Record<string, [ArrayType, number, number]>;

export function encodeChunk(chunk: Chunk): Uint8Array {
  let offset = 0;
  const blobs: { a: Typed; at: number }[] = [];
  const refs = (from: Record<string, Typed>): ArrayRefs => {
    const arrays: ArrayRefs = {};
    for (const [name, a] of Object.entries(from)) {
      arrays[name] = [typeOf(a), offset, a.length];
      blobs.push({ a, at: offset });
      offset = align8(offset + a.byteLength);
    }
    return arrays;
  };
  const lanes = chunk.lanes.map((l) => {
    const arrays = refs(l.arrays);
    const tracks = l.tracks ? Object.fromEntries(Object.entries(l.tracks).map(([name, t]) => [name, { count: t.count, arrays: refs(t.arrays), meta: t.meta }])) : undefined;
    return { id: l.id, kind: l.kind, count: l.count, arrays, meta: l.meta, tracks };
  });
  const header = new TextEncoder().encode(JSON.stringify({ v: VERSION, startNs: chunk.startNs, endNs: chunk.endNs, nsPerPx: chunk.nsPerPx, lanes }));
  const dataStart = align8(4 + header.length);
  const out = new Uint8Array(dataStart + offset);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  for (const { a, at } of blobs) out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + at);
  return out;
}

/** Decodes a chunk; the arrays are views into `bytes` (no copy) when it is 8-byte aligned. */
export function decodeChunk(bytes: Uint8Array): Chunk {
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as {
    v: number;
    startNs: number;
    endNs: number;
    nsPerPx: number;
    lanes: { id: string; kind: LaneChunk['kind']; count: number; arrays: ArrayRefs; meta?: Record<string, unknown>; tracks?: Record<string, { count: number; arrays: ArrayRefs; meta?: Record<string, unknown> }> }[];
  };
  if (header.v !== VERSION) throw new Error(`unsupported chunk version ${header.v}`);
  const dataStart = bytes.byteOffset + align8(4 + headerLength);
  const views = (refs: ArrayRefs): Record<string, Typed> => {
    const arrays: Record<string, Typed> = {};
    for (const [name, [type, at, n]] of Object.entries(refs)) arrays[name] = new CTORS[type](bytes.buffer as ArrayBuffer, dataStart + at, n);
    return arrays;
  };
  const lanes = header.lanes.map((l) => {
    const lane: LaneChunk = { id: l.id, kind: l.kind, count: l.count, arrays: views(l.arrays), meta: l.meta };
    if (l.tracks) lane.tracks = Object.fromEntries(Object.entries(l.tracks).map(([name, t]) => [name, { count: t.count, arrays: views(t.arrays), meta: t.meta }]));
    return lane;
  });
  return { startNs: header.startNs, endNs: header.endNs, nsPerPx: header.nsPerPx, lanes };
}
