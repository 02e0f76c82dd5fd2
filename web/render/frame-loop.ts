/**
 * The one requestAnimationFrame loop of the timeline: anything that changes
 * what the canvas shows calls request(); at most one frame is drawn per
 * animation frame, and none while nothing changed. It counts frames and keeps
 * the last draw times (for the debug hook and the frame-time benchmark).
 */
export interface FrameStats {
  framesDrawn: number;
  lastFrameMs: number;
  /** Draw times of the last (up to) 240 frames, oldest first. */
  recentFrameMs: number[];
}

export class FrameLoop {
  private pending = 0;
  private stopped = false;
  framesDrawn = 0;
  lastFrameMs = 0;
  private readonly ring = new Float64Array(240);

  constructor(
    private readonly draw: () => void,
    private readonly raf: (cb: () => void) => number = (cb) => requestAnimationFrame(cb),
    private readonly caf: (id: number) => void = (id) => cancelAnimationFrame(id),
    private readonly now: () => number = () => performance.now(),
  ) {}

  request(): void {
    if (this.pending || this.stopped) return;
    this.pending = this.raf(() => this.run());
  }

  /** Draws now (tests, and a resize that must not flash). */
  runNow(): void {
    if (this.pending) this.caf(this.pending);
    this.run();
  }

  private run(): void {
    this.pending = 0;
    if (this.stopped) return;
    const t0 = this.now();
    this.draw();
    this.lastFrameMs = this.now() - t0;
    this.ring[this.framesDrawn % this.ring.length] = this.lastFrameMs;
    this.framesDrawn++;
  }

  stats(): FrameStats {
    const n = Math.min(this.framesDrawn, this.ring.length);
    const recent: number[] = [];
    for (let i = this.framesDrawn - n; i < this.framesDrawn; i++) recent.push(this.ring[i % this.ring.length]);
    return { framesDrawn: this.framesDrawn, lastFrameMs: this.lastFrameMs, recentFrameMs: recent };
  }

  stop(): void {
    this.stopped = true;
    if (this.pending) this.caf(this.pending);
    this.pending = 0;
  }
}
