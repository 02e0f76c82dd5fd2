import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { fitHeaderWidthPx } from './header-width.ts';
import { nextSort, type Column, type SortState } from './sort-rows.ts';

export interface TableColumn<R> extends Column<R> {
  widthPx: number;
  render?: (row: R) => ReactNode;
  align?: 'left' | 'right';
}

const ROW_HEIGHT_PX = 24;

/**
 * A sortable table that renders only the rows in view, so a group of 100 000
 * goroutines scrolls as fast as one of ten. Rows come as an array, or as a
 * count and a lookup for rows paged from the server (`rowAt` gives undefined
 * for a row not loaded yet; `onVisibleRows` says which rows to load).
 */
export function VirtualTable<R>({
  columns,
  rows,
  rowCount,
  rowAt,
  onVisibleRows,
  sort,
  onSort,
  rowKey,
  heightPx = 480,
  testId,
}: {
  columns: TableColumn<R>[];
  rows?: R[];
  rowCount?: number;
  rowAt?: (i: number) => R | undefined;
  onVisibleRows?: (first: number, last: number) => void;
  sort: SortState | null;
  onSort: (s: SortState) => void;
  rowKey: (r: R) => string | number;
  heightPx?: number;
  testId?: string;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const count = rows ? rows.length : (rowCount ?? 0);
  const at = (i: number): R | undefined => (rows ? rows[i] : rowAt?.(i));
  // Each column at least as wide as its header needs (header-width.ts).
  const widths = useMemo(() => columns.map((c) => fitHeaderWidthPx(c.title, c.widthPx)), [columns]);
  const totalWidth = widths.reduce((a, w) => a + w, 0);
  const bodyHeight = Math.min(heightPx, count * ROW_HEIGHT_PX + 2);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT_PX) - 5);
  const last = Math.min(count, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT_PX) + 5);
  useEffect(() => onVisibleRows?.(first, last), [first, last, onVisibleRows]);
  const visible: { i: number; row: R | undefined }[] = [];
  for (let i = first; i < last; i++) visible.push({ i, row: at(i) });
  const template = widths.map((w) => `${w}px`).join(' ');
  return (
    <div className="vtable" data-testid={testId} style={{ maxWidth: '100%' }}>
      <div className="vtable-scroll-x">
        <div style={{ width: totalWidth }}>
          <div className="vtable-head" style={{ gridTemplateColumns: template }} role="row">
            {columns.map((c) => (
              <button
                key={c.id}
                role="columnheader"
                className={`vtable-th ${c.align === 'right' ? 'right' : ''} ${sort?.column === c.id ? 'sorted' : ''}`}
                onClick={() => onSort(nextSort(sort, c))}
                title={`Sort by ${c.title}`}
                data-column={c.id}
              >
                {c.title}
                {sort?.column === c.id ? (sort.descending ? ' ▾' : ' ▴') : ''}
              </button>
            ))}
          </div>
          <div className="vtable-body" style={{ height: bodyHeight }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
            <div style={{ height: count * ROW_HEIGHT_PX, position: 'relative' }}>
              {visible.map(({ i, row: r }) =>
                r === undefined ? (
                  <div key={`loading-${i}`} className="vtable-row muted" role="row" style={{ transform: `translateY(${i * ROW_HEIGHT_PX}px)`, height: ROW_HEIGHT_PX }}>
                    <div className="vtable-td">…</div>
                  </div>
                ) : (
                  <div key={rowKey(r)} className="vtable-row" role="row" style={{ gridTemplateColumns: template, transform: `translateY(${i * ROW_HEIGHT_PX}px)`, height: ROW_HEIGHT_PX }}>
                    {columns.map((c) => (
                      <div key={c.id} className={`vtable-td ${c.align === 'right' ? 'right' : ''}`}>
                        {c.render ? c.render(r) : String(c.value(r))}
                      </div>
                    ))}
                  </div>
                ),
              )}
            </div>
          </div>
        </div>
      </div>
      <div className="vtable-foot muted">{count.toLocaleString('en-US')} rows</div>
    </div>
  );
}
