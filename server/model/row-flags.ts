/**
 * A set of goroutine rows as one byte per row, grown by doubling. The model
 * builder asks "is this goroutine in a mark assist / blocked on the network"
 * on every transition (4.7 M for the 68 MB bench trace): a Set<number> cost
 * a hash lookup each time and grew its table with 960 000 goroutines.
 */
export class RowFlags {
  private flags = new Uint8Array(1024);

  has(row: number): boolean {
    return this.flags[row] === 1;
  }

  add(row: number): void {
    if (row >= this.flags.length) this.grow(row + 1);
    this.flags[row] = 1;
  }

  delete(row: number): void {
    if (row >= 0 && row < this.flags.length) this.flags[row] = 0;
  }

  private grow(need: number): void {
    const f = new Uint8Array(Math.max(need, this.flags.length * 2));
    f.set(this.flags);
    this.flags = f;
  }
}
