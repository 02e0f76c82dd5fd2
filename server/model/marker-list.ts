import { F64Column } from './columns.ts';

/** Instants in time order: when, and which goroutine (id). */
export interface MarkerList {
  timeNs: Float64Array;
  goroutine: Float64Array;
}

export class MarkerListBuilder {
  private readonly t = new F64Column();
  private readonly g = new F64Column();
  add(timeNs: number, goroutineId: number): void {
    this.t.push(timeNs);
    this.g.push(goroutineId);
  }
  finish(): MarkerList {
    return { timeNs: this.t.finish(), goroutine: this.g.finish() };
  }
}
