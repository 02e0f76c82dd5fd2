import { F64Column, I32Column } from './columns.ts';

/** CPU profile samples taken during the trace (when a CPU profile ran). */
export interface SampleTable {
  timeNs: Float64Array;
  /** Goroutine index, -1 if none. */
  goroutine: Int32Array;
  proc: Int32Array;
  thread: Int32Array;
  stack: Int32Array;
}

export class SampleTableBuilder {
  private readonly timeNs = new F64Column();
  private readonly goroutine = new I32Column();
  private readonly proc = new I32Column();
  private readonly thread = new I32Column();
  private readonly stack = new I32Column();

  add(timeNs: number, g: number, p: number, m: number, stack: number): void {
    this.timeNs.push(timeNs);
    this.goroutine.push(g);
    this.proc.push(p);
    this.thread.push(m);
    this.stack.push(stack);
  }

  finish(): SampleTable {
    return { timeNs: this.timeNs.finish(), goroutine: this.goroutine.finish(), proc: this.proc.finish(), thread: this.thread.finish(), stack: this.stack.finish() };
  }
}
