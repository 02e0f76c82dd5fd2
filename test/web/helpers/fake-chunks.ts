import { decodeChunk, encodeChunk, type Chunk, type LaneChunk } from '../../../shared/chunk-codec.ts';

/** A spans lane chunk from [start, end, state, count?] rows, through the wire codec like the real thing. */
export function spansLane(id: string, rows: [number, number, number, number?][], extra: Record<string, number[]> = {}): LaneChunk {
  const arrays: LaneChunk['arrays'] = {
    startNs: Float64Array.from(rows, (r) => r[0]),
    endNs: Float64Array.from(rows, (r) => r[1]),
    state: Uint8Array.from(rows, (r) => r[2]),
    count: Uint32Array.from(rows, (r) => r[3] ?? 1),
  };
  for (const [k, v] of Object.entries(extra)) arrays[k] = k === 'reason' || k === 'label' ? Uint16Array.from(v) : k === 'group' ? Int32Array.from(v) : Float64Array.from(v);
  return { id, kind: 'spans', count: rows.length, arrays };
}

export function counterLane(id: string, timeNs: number[], series: Record<string, [number[], number[]]>): LaneChunk {
  const arrays: LaneChunk['arrays'] = { timeNs: Float64Array.from(timeNs) };
  for (const [name, [mn, mx]] of Object.entries(series)) {
    arrays[`${name}.min`] = Float64Array.from(mn);
    arrays[`${name}.max`] = Float64Array.from(mx);
  }
  return { id, kind: 'counter', count: timeNs.length, arrays, meta: { series: Object.keys(series) } };
}

export function markersLane(id: string, timeNs: number[], counts?: number[]): LaneChunk {
  return {
    id,
    kind: 'markers',
    count: timeNs.length,
    arrays: { timeNs: Float64Array.from(timeNs), kind: new Uint8Array(timeNs.length).fill(1), count: Uint32Array.from(counts ?? timeNs.map(() => 1)), goroutine: new Float64Array(timeNs.length) },
  };
}

/** Encodes then decodes, as the browser receives it. */
export function overTheWire(chunk: Chunk): Chunk {
  return decodeChunk(encodeChunk(chunk));
}

/** A canvas 2D context stand-in that records the calls the drawing code makes. */
export function recordingContext() {
  const calls: { op: string; args: unknown[]; fillStyle: string }[] = [];
  const ctx: Record<string, unknown> = { fillStyle: '#000', strokeStyle: '#000', font: '', textBaseline: '', textAlign: '', lineWidth: 1 };
  for (const op of ['fillRect', 'rect', 'beginPath', 'fill', 'fillText', 'clearRect', 'moveTo', 'lineTo', 'stroke', 'strokeRect', 'setTransform']) {
    ctx[op] = (...args: unknown[]) => calls.push({ op, args, fillStyle: ctx.fillStyle as string });
  }
  ctx.measureText = (s: string) => ({ width: s.length * 6 });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}
