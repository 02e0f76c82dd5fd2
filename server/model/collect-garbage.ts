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
