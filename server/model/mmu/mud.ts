/** Buckets of the summary histogram over utilization [0, 1] (Go's mudDegree). */
const MUD_DEGREE = 1024;

/**
 * An updatable mutator utilization distribution (internal/trace/mud.go): a
 * distribution of time over mutator utilization, not normalized (its mass is
 * in nanoseconds of window position), built from uniform pieces and Dirac
 * deltas. A 1024-bucket histogram tracks roughly where a chosen mass falls so
 * that the MMU search knows when more windows can no longer move a quantile.
 *
 * Edges are kept in parallel growable arrays (x, delta, dirac): a MUD over a
 * long trace collects millions of them.
 */
export class Mud {
  private unsortedLen = 0;
  private ux = new Float64Array(1024);
  private udelta = new Float64Array(1024);
  private udirac = new Float64Array(1024);
  private sortedLen = 0;
  private sx = new Float64Array(0);
  private sdelta = new Float64Array(0);
  private sdirac = new Float64Array(0);

  private trackMass = 0;
  /** Bucket holding trackMass; MUD_DEGREE when the total mass is below it. */
  private trackBucket = 0;
  /** Sum of hist[0, trackBucket). */
  private trackSum = 0;
  private readonly hist = new Float64Array(MUD_DEGREE);

  /** Adds a uniform distribution over [l, r] with total mass `area` (a Dirac delta when l == r). */
  add(l: number, r: number, area: number): void {
    if (area === 0) return;
    if (r < l) [l, r] = [r, l];
    if (l === r) this.pushEdge(l, 0, area);
    else {
      const delta = area / (r - l);
      this.pushEdge(l, delta, 0);
      this.pushEdge(r, -delta, 0);
    }

    const h = this.hist;
    let lb = Math.trunc(l * MUD_DEGREE);
    let lf = l * MUD_DEGREE - lb; // math.Modf
    if (lb >= MUD_DEGREE) {
      lb = MUD_DEGREE - 1;
      lf = 1;
    }
    lb |= 0;
    if (l === r) h[lb] += area;
    else {
      let rb = Math.trunc(r * MUD_DEGREE);
      let rf = r * MUD_DEGREE - rb;
      if (rb >= MUD_DEGREE) {
        rb = MUD_DEGREE - 1;
        rf = 1;
      }
      rb |= 0;
      if (lb === rb) h[lb] += area;
      else {
        const perBucket = area / (r - l) / MUD_DEGREE;
        h[lb] += perBucket * (1 - lf);
        h[rb] += perBucket * rf;
        for (let i = lb + 1; i < rb; i++) h[i] += perBucket;
      }
    }

    const thresh = this.trackBucket / MUD_DEGREE;
    if (l < thresh) {
      if (r < thresh) this.trackSum += area;
      else this.trackSum += (area * (thresh - l)) / (r - l);
      // The tracked mass moved to another bucket: find it again.
      if (this.trackSum >= this.trackMass) this.setTrackMass(this.trackMass);
    }
  }

  /** Chooses the cumulative mass (ns) whose utilization approxInvCumulativeSum bounds. */
  setTrackMass(mass: number): void {
    this.trackMass = mass;
    let sum = 0;
    for (let i = 0; i < MUD_DEGREE; i++) {
      const newSum = sum + this.hist[i];
      if (newSum > mass) {
        this.trackBucket = i;
        this.trackSum = sum;
        return;
      }
      sum = newSum;
    }
    this.trackBucket = MUD_DEGREE;
    this.trackSum = sum;
  }

  /** Upper bound of the utilization at the tracked mass, or null while the distribution holds less mass. */
  approxInvCumulativeSumUpper(): number | null {
    if (this.trackBucket === MUD_DEGREE) return null;
    return (this.trackBucket + 1) / MUD_DEGREE;
  }

  /**
   * The utilization x at which `y` ns of mass lie at or below x, or NaN for an
   * empty distribution. (When the mass is short of y Go returns the largest x;
   * callers here do not distinguish.)
   */
  invCumulativeSum(y: number): number {
    if (this.sortedLen === 0 && this.unsortedLen === 0) return NaN;
    this.mergeUnsorted();
    const x = this.sx;
    const delta = this.sdelta;
    const dirac = this.sdirac;
    let csum = 0;
    let rate = 0;
    let prevX = 0;
    for (let i = 0; i < this.sortedLen; i++) {
      let newCsum = csum + (x[i] - prevX) * rate;
      if (newCsum >= y) {
        // Anywhere in [prevX, x] will do when the density is 0; x also covers y == 0.
        if (rate === 0) return x[i];
        return (y - csum) / rate + prevX;
      }
      newCsum += dirac[i];
      if (newCsum >= y) return x[i];
      csum = newCsum;
      prevX = x[i];
      rate += delta[i];
    }
    return prevX;
  }

  private pushEdge(x: number, delta: number, dirac: number): void {
    if (this.unsortedLen === this.ux.length) {
      this.ux = grow(this.ux);
      this.udelta = grow(this.udelta);
      this.udirac = grow(this.udirac);
    }
    const i = this.unsortedLen++;
    this.ux[i] = x;
    this.udelta[i] = delta;
    this.udirac[i] = dirac;
  }

  /**
   * Sorts the new edges by x and merges them into the sorted ones, as Go does.
   * Go sorts with its unstable pdqsort, so equal-x edges (whose masses are
   * then summed in that order) may come in another order here: last-bit
   * differences at most, in a mode go tool trace never runs (see MudMode).
   */
  private mergeUnsorted(): void {
    const n = this.unsortedLen;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const ux0 = this.ux;
    order.sort((a, b) => ux0[a] - ux0[b]);
    const ux = new Float64Array(n);
    const ud = new Float64Array(n);
    const uc = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      ux[i] = ux0[order[i]];
      ud[i] = this.udelta[order[i]];
      uc[i] = this.udirac[order[i]];
    }
    const m = this.sortedLen;
    const x = new Float64Array(m + n);
    const delta = new Float64Array(m + n);
    const dirac = new Float64Array(m + n);
    let i = 0;
    let j = 0;
    for (let o = 0; o < m + n; o++) {
      // Old edges win only when strictly smaller: equal x takes the new edge first, as in Go.
      if (j >= n || (i < m && this.sx[i] < ux[j])) {
        x[o] = this.sx[i];
        delta[o] = this.sdelta[i];
        dirac[o] = this.sdirac[i];
        i++;
      } else {
        x[o] = ux[j];
        delta[o] = ud[j];
        dirac[o] = uc[j];
        j++;
      }
    }
    this.sx = x;
    this.sdelta = delta;
    this.sdirac = dirac;
    this.sortedLen = m + n;
    this.unsortedLen = 0;
  }
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
