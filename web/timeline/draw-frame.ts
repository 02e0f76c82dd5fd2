/**
 * One timeline frame: row backgrounds, every visible lane from the chunk
 * cache (best resolution first, coarser data while the exact one loads),
 * labels, grid and overlays. Reads the stores; never waits for the network.
 */
import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { quantizeNsPerPx } from '../data/chunk-window.ts';
import { counterStackedMax } from './counter-range.ts';
import { drawCounterLane } from '../render/draw-counter-lane.ts';
import { drawGrid } from '../render/draw-axis.ts';
import { drawMarkersLane } from '../render/draw-markers-lane.ts';
import { drawOverlay, type OverlayState } from '../render/draw-overlay.ts';
import { drawSpansLane, type SpanLaneContext } from '../render/draw-spans-lane.ts';
import { LabelList } from '../render/label-list.ts';
import { RectBatch } from '../render/rect-batch.ts';
import type { TimeScale } from '../render/time-scale.ts';
import type { Row } from '../state/lane-layout.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { drawLaneTracks } from './draw-lane-tracks.ts';
import { laneIdOf } from './lane-ids.ts';
import { regionLevelsOf, stateBandPx } from './track-hit.ts';

const BACKGROUNDS: Record<Row['kind'], string> = {
  section: '#e9ecf0',
  lane: '#ffffff',
  group: '#f2f4f7',
  goroutine: '#ffffff',
};
const ALT_BACKGROUND = '#fafbfc';
const SEPARATOR = '#e6e8ec';

export interface FrameInput {
  ctx: CanvasRenderingContext2D;
  session: TraceSession;
  scale: TimeScale;
  rows: Row[];
  scrollTopPx: number;
  heightPx: number;
  overlay: Omit<OverlayState, 'spanBox'>;
  /** Drawn over the lanes and their labels, under the grid and the selection (the flow arrows). */
  drawOverLanes?: (ctx: CanvasRenderingContext2D) => void;
}

export interface FrameResult {
  /** Visible lanes, in display order (what the cache should load). */
  laneIds: string[];
  /** Visible lanes that had nothing cached to draw. */
  missing: number;
  spansVisited: number;
}

export class FrameDrawer {
  private readonly bg = new RectBatch();
  private readonly batch = new RectBatch();
  private readonly labels = new LabelList();
  private readonly reasonColours: string[];
  private readonly groupNames: string[];

  constructor(private readonly session: TraceSession, reasonColours: string[]) {
    this.reasonColours = reasonColours;
    this.groupNames = session.summary.groups.map((g) => g.name);
  }

  draw(f: FrameInput): FrameResult {
    const { ctx, scale, rows, scrollTopPx } = f;
    const { cache, directory, summary } = this.session;
    const nsPerPx = quantizeNsPerPx(scale.nsPerPx);
    const widthPx = scale.widthPx;
    const spanCtx: SpanLaneContext = { scale, batch: this.batch, labels: this.labels, reasons: summary.reasons, reasonColours: this.reasonColours, groupNames: this.groupNames };
    const laneIds: string[] = [];
    let missing = 0;
    let spansVisited = 0;
    let spanBox: OverlayState['spanBox'] = null;
    const selected = this.session.ui.get().span;

    ctx.clearRect(0, 0, widthPx, f.heightPx);
    for (const row of rows) {
      const y = row.yPx - scrollTopPx;
      const alt = row.kind === 'goroutine' && row.member !== undefined && row.member % 2 === 1;
      this.bg.add(alt ? ALT_BACKGROUND : BACKGROUNDS[row.kind], 0, y, widthPx, row.heightPx);
      this.bg.add(SEPARATOR, 0, y + row.heightPx - 1, widthPx, 1);
      const id = laneIdOf(row, directory);
      if (!id) continue;
      laneIds.push(id);
      const layers = cache.layers(id, scale.startNs, scale.endNs, nsPerPx);
      if (layers.length === 0) missing++;
      for (const layer of layers) {
        const lane: LaneChunk = layer.piece.lane;
        if (lane.kind === 'spans') {
          // Goroutine rows with regions are taller: their states keep the top 18 px, the regions the rest.
          const bandPx = stateBandPx(row);
          spansVisited += drawSpansLane(spanCtx, lane, layer.clipStartNs, layer.clipEndNs, y, bandPx);
          if (lane.tracks) spansVisited += drawLaneTracks(this.batch, scale, lane, layer.clipStartNs, layer.clipEndNs, y, bandPx, regionLevelsOf(this.session, row));
        }
        else if (lane.kind === 'counter') {
          const yMax = counterStackedMax(cache, id, layers);
          drawCounterLane(this.batch, scale, lane, layer.piece.endNs, layer.clipStartNs, layer.clipEndNs, y, row.heightPx, yMax);
        } else drawMarkersLane(this.batch, scale, lane, layer.clipStartNs, layer.clipEndNs, y, row.heightPx);
      }
      if (selected && selected.lane === id) {
        const x0 = scale.timeToPx(selected.startNs);
        const x1 = scale.timeToPx(selected.endNs);
        spanBox = { x: x0, y, w: Math.max(1, x1 - x0), h: row.heightPx };
      }
    }
    this.bg.flush(ctx);
    this.batch.flush(ctx);
    this.labels.flush(ctx);
    f.drawOverLanes?.(ctx);
    drawGrid(ctx, scale, f.heightPx);
    drawOverlay(ctx, scale, f.heightPx, { ...f.overlay, spanBox });
    return { laneIds, missing, spansVisited };
  }
}
