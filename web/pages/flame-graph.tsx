import { hierarchy, partition, type HierarchyRectangularNode } from 'd3';
import { useMemo, useState } from 'react';
import type { ProfileNode } from '../../shared/api.ts';
import { formatDurationNs, formatPercent } from '../render/format-time.ts';
import { groupColour } from '../render/palette.ts';

const ROW_PX = 18;
const WIDTH = 1200;

/** Colour by package (the text before the last '.' of the function), so one package keeps one hue. */
export function packageOf(func: string): string {
  const slash = func.lastIndexOf('/');
  const dot = func.indexOf('.', slash + 1);
  return dot < 0 ? func : func.slice(0, dot);
}

const packageIndex = new Map<string, number>();
function packageColour(func: string): string {
  const p = packageOf(func);
  let i = packageIndex.get(p);
  if (i === undefined) {
    i = packageIndex.size;
    packageIndex.set(p, i);
  }
  return groupColour(i);
}

/**
 * A flame graph (icicle: callers on top) of a blocking profile, drawn with
 * d3's partition layout in SVG; frames under 1/2000 of the total are left
 * out. Click a frame to zoom into it, click the top bar to zoom out.
 */
export function FlameGraph({ root }: { root: ProfileNode }) {
  const [focusPath, setFocusPath] = useState<string[]>([]);
  const layout = useMemo(() => {
    const minNs = root.totalNs / 2000;
    const h = hierarchy(root, (d) => d.children.filter((c) => c.totalNs >= minNs));
    // Values: a node's own time is its total minus its kept children's totals.
    h.sum((d) => Math.max(0, d.totalNs - d.children.filter((c) => c.totalNs >= minNs).reduce((a, c) => a + c.totalNs, 0)));
    return partition<ProfileNode>().size([WIDTH, (h.height + 1) * ROW_PX]).padding(0)(h);
  }, [root]);
  const pathOf = (n: HierarchyRectangularNode<ProfileNode>) =>
    n
      .ancestors()
      .reverse()
      .map((a) => `${a.data.func}@${a.data.line}`);
  const focus = layout.descendants().find((n) => pathOf(n).join('>') === focusPath.join('>')) ?? layout;
  const x0 = focus.x0;
  const k = WIDTH / Math.max(1e-9, focus.x1 - focus.x0);
  const depth0 = focus.depth;
  const ancestors = new Set(focus.ancestors());
  const nodes = layout.descendants().filter((n) => ancestors.has(n) || (n.depth >= depth0 && n.x1 > focus.x0 && n.x0 < focus.x1 && (n.x1 - n.x0) * k >= 0.5));
  const heightPx = (layout.height + 1) * ROW_PX;
  return (
    <svg className="flame-graph" viewBox={`0 0 ${WIDTH} ${heightPx}`} width="100%" data-testid="flame-graph" role="img" aria-label="Flame graph">
      {nodes.map((n) => {
        const ancestor = n.depth < depth0;
        const x = ancestor ? 0 : (n.x0 - x0) * k;
        const w = ancestor ? WIDTH : (n.x1 - n.x0) * k;
        const y = n.depth * ROW_PX;
        const label = n.depth === 0 ? `all (${formatDurationNs(root.totalNs)})` : n.data.func;
        return (
          <g key={pathOf(n).join('>')} transform={`translate(${x},${y})`} className={ancestor ? 'flame-ancestor' : ''} onClick={() => setFocusPath(n === focus ? pathOf(n).slice(0, -1) : pathOf(n))}>
            <rect width={Math.max(0.5, w - 0.5)} height={ROW_PX - 1} fill={n.depth === 0 ? '#c9ced6' : packageColour(n.data.func)} />
            <title>{`${n.data.func}\n${n.data.file}:${n.data.line}\n${formatDurationNs(n.data.totalNs)} (${formatPercent(n.data.totalNs / Math.max(1, root.totalNs))}), ${n.data.count} waits`}</title>
            {w > 40 && (
              <text x={4} y={ROW_PX / 2 + 4} className="flame-label">
                {label.length * 6.5 > w - 8 ? `${label.slice(0, Math.max(0, Math.floor((w - 8) / 6.5) - 1))}…` : label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
