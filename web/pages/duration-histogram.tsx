import { max, scaleBand, scaleLinear } from 'd3';
import { formatDurationNs } from '../render/format-time.ts';

/**
 * A duration histogram over log buckets ([lowNs, count] pairs, 5 per decade
 * as the server sends them), as small SVG bars. Clicking a bar picks that
 * bucket [lowNs, next lowNs); clicking it again clears the pick.
 */
export function DurationHistogram({
  buckets,
  picked,
  onPick,
  widthPx,
  heightPx = 70,
}: {
  buckets: [number, number][];
  picked?: number | null;
  onPick?: (index: number | null) => void;
  widthPx?: number;
  heightPx?: number;
}) {
  if (buckets.length === 0) return <span className="muted">no complete ones</span>;
  widthPx ??= Math.min(360, Math.max(90, buckets.length * 30));
  const x = scaleBand<number>()
    .domain(buckets.map((_, i) => i))
    .range([0, widthPx])
    .padding(0.12);
  const y = scaleLinear()
    .domain([0, max(buckets, (b) => b[1]) ?? 1])
    .range([heightPx - 14, 0]);
  // Labels (9 px text, up to ~36 px wide) at least 40 px apart, and none running past the right edge.
  const labelEvery = Math.max(1, Math.ceil(buckets.length / 5), Math.ceil(40 / Math.max(1, x.step())));
  const labelWidthPx = (text: string) => text.length * 5.5;
  return (
    <svg className="histogram" width={widthPx} height={heightPx} data-testid="duration-histogram" role="img" aria-label="Duration histogram">
      {buckets.map(([lowNs, count], i) => (
        <g key={i} onClick={() => onPick?.(picked === i ? null : i)} className={onPick ? 'clickable' : ''}>
          <rect x={x(i)} y={y(count)} width={x.bandwidth()} height={Math.max(count > 0 ? 1 : 0, heightPx - 14 - y(count))} fill={picked === i ? '#d9412b' : '#4e79a7'} />
          <rect x={x(i)} y={0} width={x.bandwidth()} height={heightPx - 14} fill="transparent">
            <title>{`${formatDurationNs(lowNs)} – ${i + 1 < buckets.length ? formatDurationNs(buckets[i + 1][0]) : '…'}: ${count}`}</title>
          </rect>
          {i % labelEvery === 0 && (
            <text x={Math.min(x(i) ?? 0, widthPx - labelWidthPx(formatDurationNs(lowNs)))} y={heightPx - 2} className="axis-label">
              {formatDurationNs(lowNs)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

/** The [lowNs, highNs) of bucket i (the last one is open-ended). */
export function bucketBounds(buckets: [number, number][], i: number): { lowNs: number; highNs: number } {
  return { lowNs: buckets[i][0], highNs: i + 1 < buckets.length ? buckets[i + 1][0] : Infinity };
}
