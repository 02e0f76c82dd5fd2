/**
 * A full collection when node runs with --expose-gc (the bin does); nothing
 * otherwise. The model builder drops build columns of tens of MB as it
 * finishes them, but their memory returns only when V8 collects the arrays
 * (with the bin's malloc settings it then goes straight back to the system):
 * one collection costs about 7-10 ms, since the JS heap is small and the
 * columns live outside it.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Trace bytes read between two collections while the event loop waits for the parse worker anyway. */
const IDLE_BYTES = 8 << 20;
/** … and at a generation's end, when it does not wait (the worker always ahead, or no worker). */
const SYNC_BYTES = 16 << 20;

/**
 * Collections during the model's event loop. The loop's dead arrays (columns
 * grown into bigger copies, pyramid levels, the blocks' messages) are only
 * freed when V8 next runs a full collection, which it puts off while the JS
 * heap is small: the load's peak RSS for the 68 MB bench trace varied between
 * 270 and 295 MB over runs, and is 269-271 MB with these. A collection runs
 * when the loop is about to wait for the parse worker's next block (every
 * 8 MB of trace at most), which costs the load nothing, or at a generation's
 * end when 16 MB were read without one.
 */
export class GarbagePacer {
  private lastBytes = 0;
  /** Collections run so far (6 for the bench trace, 7-16 ms each). */
  collections = 0;

  /** The loop is about to wait for the parse worker. */
  idle(bytesRead: number): void {
    if (bytesRead - this.lastBytes >= IDLE_BYTES) this.collect(bytesRead);
  }

  /** A generation ended. */
  sync(bytesRead: number): void {
    if (bytesRead - this.lastBytes >= SYNC_BYTES) this.collect(bytesRead);
  }

  private collect(bytesRead: number): void {
    this.lastBytes = bytesRead;
    this.collections++;
    collectGarbage();
  }
}
