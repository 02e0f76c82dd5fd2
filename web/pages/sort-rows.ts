/**
 * Sorting for the analysis tables: rows by a column, numbers descending by
 * default, text ascending, ties by the first column so the order is stable.
 */
export interface Column<R> {
  id: string;
  title: string;
  value: (row: R) => number | string;
  /** Numbers start descending (largest first), text ascending. */
  numeric?: boolean;
}

export interface SortState {
  column: string;
  descending: boolean;
}

export function sortRows<R>(rows: readonly R[], columns: readonly Column<R>[], sort: SortState | null): R[] {
  const col = columns.find((c) => c.id === sort?.column) ?? null;
  if (!col || !sort) return [...rows];
  const dir = sort.descending ? -1 : 1;
  const tie = columns[0];
  return [...rows].sort((a, b) => {
    const va = col.value(a);
    const vb = col.value(b);
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    if (c !== 0) return c * dir;
    const ta = tie.value(a);
    const tb = tie.value(b);
    return typeof ta === 'number' && typeof tb === 'number' ? ta - tb : String(ta).localeCompare(String(tb));
  });
}

/** The sort after clicking a column header: the same column flips, another starts at its default direction. */
export function nextSort<R>(current: SortState | null, column: Column<R>): SortState {
  if (current?.column === column.id) return { column: column.id, descending: !current.descending };
  return { column: column.id, descending: column.numeric !== false };
}
