import { axisBottom, axisLeft, line, scaleLinear, scaleLog, select, zoom, type NumberValue, type ZoomTransform, zoomIdentity } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatDurationNs, formatPercent, formatTickNs } from '../render/format-time.ts';
import { mmuSeriesNames } from './mmu-data.ts';

const W = 820;
const H = 360;
const M = { left: 48, right: 16, top: 12, bottom: 36 };
const LINE_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f'];

/** Index of the curve point whose window is nearest (in log scale) to windowNs. */
export function nearestPoint(curve: number[][], windowNs: number): number {
  let best = -1;
  let bestD = Infinity;
  const lw = Math.log(windowNs);
  curve.forEach((p, i) => {
    const d = Math.abs(Math.log(p[0]) - lw);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/**
 * Minimum mutator utilization against window size (log axis), with the
 * percentile lines when present. Wheel or drag zooms the window axis (d3-zoom);
 * a click picks the window size under the pointer.
 */
export function MmuChart({ curve, quantiles, onPick }: { curve: number[][]; quantiles: readonly number[] | null; onPick: (windowNs: number) => void }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [hover, setHover] = useState<number | null>(null);
  const x0 = useMemo(() => {
    const lo = curve.length ? curve[0][0] : 1;
    const hi = curve.length ? curve[curve.length - 1][0] : 10;
    return scaleLog()
      .domain([Math.max(1, lo), Math.max(lo * 10, hi)])
      .range([M.left, W - M.right]);
  }, [curve]);
  const x = transform.rescaleX(x0);
  const y = scaleLinear().domain([0, 1]).range([H - M.bottom, M.top]);

  useEffect(() => {
    const svg = select(svgRef.current!);
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 1000])
      .translateExtent([
        [M.left, 0],
        [W - M.right, H],
      ])
      .extent([
        [M.left, 0],
        [W - M.right, H],
      ])
      .on('zoom', (e: { transform: ZoomTransform }) => setTransform(e.transform));
    svg.call(z);
    return () => {
      svg.on('.zoom', null);
    };
  }, []);
  useEffect(() => {
    // Log axis: a tick for each 1-2-5 step, labels only where d3 keeps them readable.
    const keep = x.tickFormat(8);
    const label = (d: NumberValue) => (keep(d) ? formatTickNs(Number(d), Number(d)) : '');
    select(xAxisRef.current!).call(axisBottom(x).ticks(8).tickFormat(label));
    select(yAxisRef.current!).call(
      axisLeft(y)
        .ticks(5)
        .tickFormat((d) => formatPercent(Number(d))),
    );
  });

  const names = mmuSeriesNames(curve, quantiles);
  const series = names.map((_, i) => i + 1);
  const pointerWindow = (e: React.MouseEvent<SVGSVGElement>) => {
    const r = svgRef.current!.getBoundingClientRect();
    return x.invert(((e.clientX - r.left) / r.width) * W);
  };
  return (
    <div className="mmu-chart">
      <svg ref={svgRef} viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }} data-testid="mmu-chart" onMouseMove={(e) => setHover(nearestPoint(curve, pointerWindow(e)))} onMouseLeave={() => setHover(null)} onClick={(e) => onPick(curve[nearestPoint(curve, pointerWindow(e))]?.[0] ?? 0)}>
        <clipPath id="mmu-clip">
          <rect x={M.left} y={0} width={W - M.left - M.right} height={H} />
        </clipPath>
        <g ref={xAxisRef} transform={`translate(0,${H - M.bottom})`} />
        <g ref={yAxisRef} transform={`translate(${M.left},0)`} />
        <g clipPath="url(#mmu-clip)">
          {series.map((col, i) => (
            <path key={col} d={line<number[]>().x((p) => x(p[0])).y((p) => y(p[col] ?? 0))(curve) ?? ''} fill="none" stroke={LINE_COLOURS[i % LINE_COLOURS.length]} strokeWidth={i === 0 ? 2 : 1.2} strokeDasharray={i === 0 ? undefined : '4 3'} />
          ))}
          {hover !== null && curve[hover] && (
            <g>
              <line x1={x(curve[hover][0])} x2={x(curve[hover][0])} y1={M.top} y2={H - M.bottom} stroke="#888" />
              <circle cx={x(curve[hover][0])} cy={y(curve[hover][1])} r={4} fill={LINE_COLOURS[0]} />
              <text x={Math.min(W - 180, x(curve[hover][0]) + 6)} y={M.top + 14} className="chart-note">
                {formatDurationNs(curve[hover][0])} window: {formatPercent(curve[hover][1])}
              </text>
            </g>
          )}
        </g>
        <text x={W / 2} y={H - 4} textAnchor="middle" className="axis-label">
          Window duration (wheel to zoom, drag to pan, click to list the worst windows)
        </text>
      </svg>
      <div className="legend">
        {names.map((n, i) => (
          <span key={n} className="legend-item">
            <i style={{ background: LINE_COLOURS[i % LINE_COLOURS.length] }} />
            {n}
          </span>
        ))}
      </div>
    </div>
  );
}
