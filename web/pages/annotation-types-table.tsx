import { Fragment, useState, type ReactNode } from 'react';
import { formatCount } from '../render/format-time.ts';
import { bucketBounds, DurationHistogram } from './duration-histogram.tsx';

/** A user task or region type: its name, how many, and their duration histogram. */
export interface AnnotationType {
  type: string;
  count: number;
  histogram: [number, number][];
}

/**
 * The table of the tasks and regions pages: one row per type with its count
 * and duration histogram; a type opens (its name or a histogram bucket
 * clicked) into the list `renderList` draws, limited to the picked bucket.
 */
export function AnnotationTypesTable<T extends AnnotationType>({
  types,
  testId,
  typeTitle,
  histogramTitle,
  extraColumns = [],
  renderList,
}: {
  types: T[];
  testId: string;
  typeTitle: string;
  histogramTitle: string;
  /** Right-aligned numeric columns after Count. */
  extraColumns?: { title: string; cell: (t: T) => ReactNode }[];
  /** The opened type's list; `picked` is the histogram bucket clicked, or null for all. */
  renderList: (t: T, picked: number | null) => ReactNode;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  return (
    <table className="data-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{typeTitle}</th>
          <th className="right">Count</th>
          {extraColumns.map((c) => (
            <th key={c.title} className="right">
              {c.title}
            </th>
          ))}
          <th>{histogramTitle}</th>
        </tr>
      </thead>
      <tbody>
        {types.map((t) => (
          <Fragment key={t.type}>
            <tr className={open === t.type ? 'selected' : ''}>
              <td>
                <button className="link" onClick={() => (setOpen(open === t.type ? null : t.type), setPicked(null))}>
                  {open === t.type ? '▾' : '▸'} {t.type || '(no type)'}
                </button>
              </td>
              <td className="right">{formatCount(t.count)}</td>
              {extraColumns.map((c) => (
                <td key={c.title} className="right">
                  {c.cell(t)}
                </td>
              ))}
              <td>
                <DurationHistogram
                  buckets={t.histogram}
                  picked={open === t.type ? picked : null}
                  onPick={(i) => {
                    setOpen(t.type);
                    setPicked(i);
                  }}
                />
              </td>
            </tr>
            {open === t.type && (
              <tr>
                <td colSpan={3 + extraColumns.length}>{renderList(t, picked)}</td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/** The items whose duration falls in histogram bucket `picked` (all when null), longest first, and the bucket's bounds. */
export function longestInBucket<I extends { durationNs: number }>(items: I[], histogram: [number, number][], picked: number | null): { items: I[]; bounds: { lowNs: number; highNs: number } | null } {
  const bounds = picked !== null ? bucketBounds(histogram, picked) : null;
  return { items: items.filter((x) => !bounds || (x.durationNs >= bounds.lowNs && x.durationNs < bounds.highNs)).sort((a, b) => b.durationNs - a.durationNs), bounds };
}
