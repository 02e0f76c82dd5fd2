/**
 * A map from wire ids (non-negative integers, usually small and dense) to
 * non-negative integers. Dense ids live in a typed array; ids beyond 2^20 (only
 * adversarial files have them) fall back to a Map. `get` returns -1 when absent.
 */
export class IdMap {
  private dense = new Int32Array(64).fill(-1);
  private sparse: Map<number, number> | null = null;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(id: number): number {
    if (id >= 0 && id < this.dense.length) return this.dense[id];
    if (this.sparse === null) return -1;
    return this.sparse.get(id) ?? -1;
  }

  has(id: number): boolean {
    return this.get(id) >= 0;
  }

  set(id: number, value: number): void {
    if (id >= 0 && id < DENSE_LIMIT) {
      if (id >= this.dense.length) {
        let n = this.dense.length;
        while (n <= id) n *= 2;
        const grown = new Int32Array(n).fill(-1);
        grown.set(this.dense);
        this.dense = grown;
      }
      if (this.dense[id] < 0) this.count++;
      this.dense[id] = value;
      return;
    }
    this.sparse ??= new Map();
    if (!this.sparse.has(id)) this.count++;
    this.sparse.set(id, value);
  }

  forEach(fn: (id: number, value: number) => void): void {
    for (let i = 0; i < this.dense.length; i++) if (this.dense[i] >= 0) fn(i, this.dense[i]);
    this.sparse?.forEach((v, k) => fn(k, v));
  }
}

const DENSE_LIMIT = 1 << 20;
