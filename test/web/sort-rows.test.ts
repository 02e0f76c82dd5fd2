import { describe, expect, it } from 'vitest';
import { nextSort, sortRows, type Column } from '../../web/pages/sort-rows.ts';

interface R {
  id: number;
  name: string;
  ns: number;
}
const cols: Column<R>[] = [
  { id: 'id', title: 'ID', value: (r) => r.id, numeric: false },
  { id: 'name', title: 'Name', value: (r) => r.name, numeric: false },
  { id: 'ns', title: 'Time', value: (r) => r.ns, numeric: true },
];
const rows: R[] = [
  { id: 3, name: 'b', ns: 10 },
  { id: 1, name: 'a', ns: 30 },
  { id: 2, name: 'c', ns: 10 },
];

describe('sortable columns', () => {
  it('sorts by a numeric column, ties by the first column', () => {
    expect(sortRows(rows, cols, { column: 'ns', descending: true }).map((r) => r.id)).toEqual([1, 2, 3]);
    expect(sortRows(rows, cols, { column: 'ns', descending: false }).map((r) => r.id)).toEqual([2, 3, 1]);
  });

  it('sorts text columns, and leaves the order alone for an unknown column', () => {
    expect(sortRows(rows, cols, { column: 'name', descending: false }).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(sortRows(rows, cols, { column: 'nope', descending: true })).toEqual(rows);
  });

  it('clicking a header: numbers start descending, text ascending, a second click flips', () => {
    expect(nextSort(null, cols[2])).toEqual({ column: 'ns', descending: true });
    expect(nextSort(null, cols[1])).toEqual({ column: 'name', descending: false });
    expect(nextSort({ column: 'ns', descending: true }, cols[2])).toEqual({ column: 'ns', descending: false });
  });
});
