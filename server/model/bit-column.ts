/**
 * A growable column of bits, for a yes/no per row of millions: the
 * transition log marks the rows that have a cause entry (4.7 M rows of the
 * 68 MB bench trace: 0.6 MB instead of 4.7 as a byte a row).
 */
export class BitColumn {
  private words: Int32Array;
  length = 0;

  /** `capacity` in bits; capacity never written costs no memory (columns.ts). */
  constructor(capacity = 1 << 15) {
    this.words = new Int32Array(Math.max(1, Math.ceil(capacity / 32)));
  }

  push(bit: boolean): void {
    const i = this.length++;
    const w = i >>> 5;
    if (w === this.words.length) {
      const grown = new Int32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    if (bit) this.words[w] |= 1 << (i & 31);
  }

  get(i: number): boolean {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  /** Drops the bits (the column is empty again). */
  release(): void {
    this.words = new Int32Array(1);
    this.length = 0;
  }
}
