/**
 * Go's container/heap over abstract less/swap callbacks, step for step.
 *
 * Why a port: the MMU refines bands in heap order, and bands with equal
 * utilization bounds are common (every band of a constant-utilization stretch
 * has the same bound). Which of them comes out first changes the accumulator's
 * running bound, hence which windows Examples keeps and where the MUD stops
 * refining; Go's results are reproduced only with Go's exact sift order.
 */

export interface HeapOps {
  readonly length: number;
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

export function heapInit(h: HeapOps): void {
  const n = h.length;
  for (let i = Math.trunc(n / 2) - 1; i >= 0; i--) down(h, i, n);
}

/** Restores the heap after the caller appended one element at the end (heap.Push). */
export function heapPushed(h: HeapOps): void {
  up(h, h.length - 1);
}

/** Moves the minimum to the end; the caller then removes the last element (heap.Pop). */
export function heapPopToEnd(h: HeapOps): void {
  const n = h.length - 1;
  h.swap(0, n);
  down(h, 0, n);
}

/** Moves element i to the end; the caller then removes the last element (heap.Remove). */
export function heapRemoveToEnd(h: HeapOps, i: number): void {
  const n = h.length - 1;
  if (n !== i) {
    h.swap(i, n);
    if (!down(h, i, n)) up(h, i);
  }
}

function up(h: HeapOps, j: number): void {
  for (;;) {
    const i = Math.trunc((j - 1) / 2); // Go's integer division: the parent of 0 is 0
    if (i === j || !h.less(j, i)) break;
    h.swap(i, j);
    j = i;
  }
}

function down(h: HeapOps, i0: number, n: number): boolean {
  let i = i0;
  for (;;) {
    const j1 = 2 * i + 1;
    if (j1 >= n) break;
    let j = j1;
    const j2 = j1 + 1;
    if (j2 < n && h.less(j2, j1)) j = j2;
    if (!h.less(j, i)) break;
    h.swap(i, j);
    i = j;
  }
  return i > i0;
}
