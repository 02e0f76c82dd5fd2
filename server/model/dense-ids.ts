/**
 * Dense indices 0, 1, 2 … for a few distinct ids (procs, threads), in order of
 * first appearance. Consecutive rows mostly carry the id seen last, so that one
 * is checked before the map. Columns then hold 16-bit indices instead of 32-bit
 * ids: the execution starts (6 MB less while building the bench trace's 1.6 M)
 * and the actors' threads of the transition log (2.8 MB for its 1.4 M causes);
 * grouping by lane needs no map per row.
 */
export class DenseIds {
  readonly ids: number[] = [];
  private readonly index = new Map<number, number>();
  private lastId = Number.NaN;
  private lastIndex = -1;

  indexOf(id: number): number {
    if (id === this.lastId) return this.lastIndex;
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.index.set(id, i);
    }
    this.lastId = id;
    this.lastIndex = i;
    return i;
  }
}
