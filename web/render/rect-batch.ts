/**
 * Rectangles of a frame grouped by colour, drawn with one fillStyle change and
 * one path per colour instead of a state change per span. Rectangles that
 * continue the previous one of the same colour on the same row (the usual
 * case for per-pixel merged spans drawn left to right) are joined, so a
 * zoomed-out lane of 2 000 one-pixel buckets is often a handful of rects.
 * Layer 1 is drawn over layer 0 (e.g. stop-the-world over GC mark phases,
 * CPU samples over spans), layer 2 over both (log messages).
 */
interface Run {
  /** x, y, w, h per rectangle. */
  data: Float64Array;
  n: number;
}

export class RectBatch {
  private readonly layers: Map<string, Run>[] = [new Map(), new Map(), new Map()];
  /** Rectangles after joining, for the debug hook and tests. */
  rectCount = 0;

  add(colour: string, x: number, y: number, w: number, h: number, layer = 0): void {
    if (w <= 0 || h <= 0) return;
    const map = this.layers[layer];
    let run = map.get(colour);
    if (!run) {
      run = { data: new Float64Array(256), n: 0 };
      map.set(colour, run);
    }
    const d = run.data;
    if (run.n > 0) {
      const k = (run.n - 1) * 4;
      // Same row, touching or overlapping the previous rectangle: extend it.
      if (d[k + 1] === y && d[k + 3] === h && x <= d[k] + d[k + 2] + 0.01 && x >= d[k]) {
        const end = Math.max(d[k] + d[k + 2], x + w);
        d[k + 2] = end - d[k];
        return;
      }
    }
    if ((run.n + 1) * 4 > d.length) {
      const bigger = new Float64Array(d.length * 2);
      bigger.set(d);
      run.data = bigger;
    }
    const k = run.n * 4;
    run.data[k] = x;
    run.data[k + 1] = y;
    run.data[k + 2] = w;
    run.data[k + 3] = h;
    run.n++;
    this.rectCount++;
  }

  /** Rectangles queued for a colour (after joining). */
  countFor(colour: string, layer = 0): number {
    return this.layers[layer].get(colour)?.n ?? 0;
  }

  colours(layer = 0): string[] {
    return [...this.layers[layer].keys()];
  }

  flush(ctx: CanvasRenderingContext2D): void {
    for (const map of this.layers) {
      for (const [colour, run] of map) {
        if (run.n === 0) continue;
        ctx.fillStyle = colour;
        const d = run.data;
        if (run.n === 1) {
          ctx.fillRect(d[0], d[1], d[2], d[3]);
        } else {
          ctx.beginPath();
          for (let i = 0, k = 0; i < run.n; i++, k += 4) ctx.rect(d[k], d[k + 1], d[k + 2], d[k + 3]);
          ctx.fill();
        }
        run.n = 0;
      }
    }
    this.rectCount = 0;
  }

  clear(): void {
    for (const map of this.layers) for (const run of map.values()) run.n = 0;
    this.rectCount = 0;
  }
}
