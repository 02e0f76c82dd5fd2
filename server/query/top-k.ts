/**
 * The k best of n items by a comparator, best first, without sorting all n:
 * a bounded max-heap of the k best seen so far (worst on top), so n log k
 * steps. The first 100 of the 960 005 goroutines the bench trace's main
 * created take 16 ms this way; sorting them all took 78.
 */

/** Indices 0 … n-1 of the `k` items that `before` ranks first, in that order. */
export function topK(n: number, k: number, before: (a: number, b: number) => number): number[] {
  if (k <= 0 || n <= 0) return [];
  if (n <= k * 4) {
    const all = Array.from({ length: n }, (_, i) => i);
    all.sort(before);
    return all.slice(0, k);
  }
  const heap = new Int32Array(k);
  let size = 0;
  // `worse(a, b)`: a ranks after b (the heap's top is the worst kept).
  const worse = (a: number, b: number) => before(a, b) > 0;
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < size && worse(heap[l], heap[w])) w = l;
      if (r < size && worse(heap[r], heap[w])) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w], heap[i]];
      i = w;
    }
  };
  for (let i = 0; i < n; i++) {
    if (size < k) {
      heap[size] = i;
      up(size++);
    } else if (before(i, heap[0]) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return Array.from(heap.subarray(0, size)).sort(before);
}
