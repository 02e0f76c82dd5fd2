/**
 * Stable orders of up to millions of rows by non-negative numeric keys,
 * without a comparator: a least-significant-digit radix sort over the keys'
 * IEEE-754 bits (for non-negative doubles the bits sort as the numbers do).
 * The goroutine analysis sorts 960 010 rows of the 68 MB bench trace by a
 * column and then by id; a comparator sort spent 0.6–0.8 s in 19 M calls,
 * eight byte passes (those whose byte is the same in every key skipped) take
 * a few tens of ms.
 */

/**
 * `items` reordered by `keyOf(item)` (ascending, or descending when `desc`),
 * keeping the incoming order between equal keys. Keys must be non-negative
 * numbers (−0 counts as 0); NaN is not allowed.
 */
export function radixOrder(items: Int32Array, keyOf: (item: number) => number, desc = false): Int32Array {
  const n = items.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = keyOf(items[i]);
    if (!(k >= 0)) throw new RangeError(`radixOrder: key ${k} of item ${items[i]} is not a non-negative number`);
    keys[i] = k === 0 ? 0 : k; // −0 has the sign bit set
  }
  // Little-endian on every platform Node runs on: word 2i is the low half of key i.
  const words = new Uint32Array(keys.buffer);
  // A loop: Int32Array.from with a callback took 40-60 ms for 1.4 M items.
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Int32Array(n);
  const counts = new Int32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass >> 2;
    const shift = (pass & 3) * 8;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(words[2 * i + word] >>> shift) & 0xff]++;
    // A byte that is the same in every key does not reorder anything.
    if (counts.some((c) => c === n)) continue;
    if (desc) {
      for (let d = 254, sum = counts[255], next; d >= 0; d--) {
        next = sum + counts[d];
        counts[d] = sum;
        sum = next;
      }
      counts[255] = 0;
    } else {
      for (let d = 0, sum = 0, c; d < 256; d++) {
        c = counts[d];
        counts[d] = sum;
        sum += c;
      }
    }
    for (let i = 0; i < n; i++) {
      const at = order[i];
      spare[counts[(words[2 * at + word] >>> shift) & 0xff]++] = at;
    }
    const t = order;
    order = spare;
    spare = t;
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = items[order[i]];
  return out;
}
