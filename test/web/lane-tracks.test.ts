import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../shared/api.ts';
import type { LaneChunk, LaneTrack } from '../../shared/chunk-codec.ts';
import { INSTANTS_TRACK, REGIONS_TRACK } from '../../shared/lane-tracks.ts';
import { MarkerKind, SpanState } from '../../shared/states.ts';
import { drawSpansLane } from '../../web/render/draw-spans-lane.ts';
import { drawInstantsTrack, drawRegionsTrack } from '../../web/render/draw-tracks.ts';
import { instantIndexAt, regionIndexAt } from '../../web/render/hit-test.ts';
import { LabelList } from '../../web/render/label-list.ts';
import { LOG_COLOUR, REGION_COLOURS, regionColour, SAMPLE_COLOUR, STATE_COLOURS } from '../../web/render/palette.ts';
import { RectBatch } from '../../web/render/rect-batch.ts';
import { createTimeScale } from '../../web/render/time-scale.ts';
import { buildLaneLayout, ROW_HEIGHTS } from '../../web/state/lane-layout.ts';
import { regionBandPx, REGION_LEVEL_PX, trackZoneAt } from '../../web/state/track-geometry.ts';
import type { TraceSession } from '../../web/state/trace-session.ts';
import { decodeUrlState, DEFAULT_URL_STATE, encodeUrlState } from '../../web/state/url-state.ts';
import { trackItemAt } from '../../web/timeline/track-hit.ts';
import { overTheWire, recordingContext, spansLane } from './helpers/fake-chunks.ts';

/** Regions and instants in a lane's row: geometry, drawing, hit testing, the selection in the URL. */

/** A regions track from [start, end, depth, name, count?] rows. */
function regions(rows: [number, number, number, string, number?][]): LaneTrack {
  const names = [...new Set(rows.map((r) => r[3]))];
  return {
    count: rows.length,
    arrays: {
      startNs: Float64Array.from(rows, (r) => r[0]),
      endNs: Float64Array.from(rows, (r) => r[1]),
      depth: Uint8Array.from(rows, (r) => r[2]),
      count: Uint32Array.from(rows, (r) => r[4] ?? 1),
      name: Uint32Array.from(rows, (r) => names.indexOf(r[3])),
      row: Uint32Array.from(rows, (_, i) => 100 + i),
    },
    meta: { names },
  };
}

/** An instants track from [time, kind, count?, label?] rows. */
function instants(rows: [number, number, number?, string?][]): LaneTrack {
  const labels = ['', ...rows.map((r) => r[3] ?? '').filter((l) => l)];
  return {
    count: rows.length,
    arrays: {
      timeNs: Float64Array.from(rows, (r) => r[0]),
      kind: Uint8Array.from(rows, (r) => r[1]),
      count: Uint32Array.from(rows, (r) => r[2] ?? 1),
      row: Uint32Array.from(rows, (_, i) => 200 + i),
      label: Uint32Array.from(rows, (r) => (r[3] ? labels.indexOf(r[3]) : 0)),
    },
    meta: { labels },
  };
}

function rectsOf(batch: RectBatch) {
  const { ctx, calls } = recordingContext();
  batch.flush(ctx);
  return calls.filter((c) => c.op === 'rect' || c.op === 'fillRect').map((c) => ({ colour: c.fillStyle, x: c.args[0] as number, y: c.args[1] as number, w: c.args[2] as number, h: c.args[3] as number }));
}

describe('region bars', () => {
  const scale = createTimeScale(0, 1000, 1000); // 1 ns per px
  const band = { topPx: 118, levelPx: REGION_LEVEL_PX, barPx: 4, levels: 2 };

  it('one bar per nesting level under the state band, coloured by region name, with the deepest levels sharing the last bar', () => {
    const batch = new RectBatch();
    const t = regions([
      [100, 600, 0, 'charge'],
      [150, 500, 1, 'authorize card'],
      [200, 300, 2, 'fraud check'],
    ]);
    expect(drawRegionsTrack(batch, scale, t, 0, 1000, band)).toBe(3);
    const rects = rectsOf(batch);
    expect(rects).toContainEqual({ colour: regionColour('charge'), x: 100, y: 118, w: 499, h: 4 });
    expect(rects).toContainEqual({ colour: regionColour('authorize card'), x: 150, y: 123, w: 349, h: 4 });
    // Depth 2 with room for 2 levels: on level 1, drawn after (over) its parent.
    expect(rects).toContainEqual({ colour: regionColour('fraud check'), x: 200, y: 123, w: 99, h: 4 });
    expect(rects.findIndex((r) => r.x === 200)).toBeGreaterThan(rects.findIndex((r) => r.x === 150));
  });

  it('clips to the layer and draws a region merged below a pixel one pixel wide', () => {
    const batch = new RectBatch();
    const t = regions([
      [0, 900, 0, 'long poll'],
      [950.2, 950.6, 0, 'decode', 12],
    ]);
    drawRegionsTrack(batch, scale, t, 400, 1000, band);
    const rects = rectsOf(batch);
    expect(rects).toContainEqual({ colour: regionColour('long poll'), x: 400, y: 118, w: 499, h: 4 });
    expect(rects).toContainEqual({ colour: regionColour('decode'), x: 950, y: 118, w: 1, h: 4 });
  });

  it('a region name keeps its colour, one of the region palette', () => {
    expect(regionColour('http get')).toBe(regionColour('http get'));
    expect(REGION_COLOURS).toContain(regionColour('http get'));
    const used = new Set(['validate', 'charge', 'authorize card', 'fraud check', 'http get', 'decode', 'cleanup'].map(regionColour));
    expect(used.size).toBeGreaterThan(2);
  });
});

describe('instants', () => {
  const scale = createTimeScale(0, 1000, 1000);

  it('samples are 2 px ticks over the spans, logs 7 px diamonds over both', () => {
    const batch = new RectBatch();
    const ctx = { scale, batch, labels: new LabelList(), reasons: [''], reasonColours: ['#aaaaaa'], groupNames: [] };
    drawSpansLane(ctx, spansLane('g:1', [[0, 1000, SpanState.Running]]), 0, 1000, 100, 18);
    drawInstantsTrack(batch, scale, instants([[300, MarkerKind.CpuSample], [700, MarkerKind.Log, 1, '[order] id=1']]), 0, 1000, 102);
    const rects = rectsOf(batch);
    expect(rects.map((r) => r.colour)).toEqual([STATE_COLOURS[SpanState.Running], SAMPLE_COLOUR, ...Array(7).fill(LOG_COLOUR)]);
    expect(rects[1]).toEqual({ colour: SAMPLE_COLOUR, x: 299, y: 102, w: 2, h: 5 });
    const diamond = rects.slice(2);
    expect(diamond.map((r) => r.w)).toEqual([1, 3, 5, 7, 5, 3, 1]);
    expect(diamond.map((r) => r.y)).toEqual([102, 103, 104, 105, 106, 107, 108]);
    expect(diamond[3].x).toBe(697);
  });

  it('draws only the instants inside the layer', () => {
    const batch = new RectBatch();
    expect(drawInstantsTrack(batch, scale, instants([[10, MarkerKind.CpuSample], [500, MarkerKind.CpuSample], [990, MarkerKind.CpuSample]]), 100, 900, 0)).toBe(1);
  });
});

describe('hit testing tracks', () => {
  const t = regions([
    [100, 600, 0, 'charge'],
    [700, 705, 0, 'decode'],
    [150, 500, 1, 'authorize card'],
    [200, 300, 2, 'fraud check'],
  ]);

  it('finds the region of the pointer’s bar, the shortest where deeper levels share a bar', () => {
    expect(regionIndexAt(t, 250, 0, 0, 3)).toBe(0);
    expect(regionIndexAt(t, 250, 0, 1, 3)).toBe(2);
    expect(regionIndexAt(t, 250, 0, 2, 3)).toBe(3);
    expect(regionIndexAt(t, 250, 0, 1, 2)).toBe(3); // 2 bars: fraud check is drawn on authorize card's
    expect(regionIndexAt(t, 650, 0, 0, 3)).toBe(-1);
    expect(regionIndexAt(t, 690, 20, 0, 3)).toBe(1); // thin regions can be clicked within the slop
  });

  it('takes the nearest instant, a log over a nearer sample', () => {
    const i = instants([[100, MarkerKind.CpuSample], [104, MarkerKind.Log, 1, 'x'], [400, MarkerKind.CpuSample]]);
    expect(instantIndexAt(i, 101, 5)).toBe(1);
    expect(instantIndexAt(i, 101, 0.5)).toBe(-1);
    expect(instantIndexAt(i, 398, 5)).toBe(2);
    expect(instantIndexAt(i, 250, 5)).toBe(-1);
  });

  it('zones of a goroutine row: instants strip on top, spans below it, one region level per 5 px under the 18 px state band', () => {
    expect(trackZoneAt(3, 18, 3)).toEqual({ zone: 'instants' });
    expect(trackZoneAt(12, 18, 3)).toEqual({ zone: 'spans' });
    expect(trackZoneAt(18, 18, 3)).toEqual({ zone: 'regions', level: 0 });
    expect(trackZoneAt(24, 18, 3)).toEqual({ zone: 'regions', level: 1 });
    expect(trackZoneAt(33, 18, 3)).toEqual({ zone: 'regions', level: 2 });
    expect(trackZoneAt(20, 18, 0)).toEqual({ zone: 'spans' }); // no regions: the whole row is the lane's
  });

  it('a row’s track item: the region under the pointer, the log at the top, nothing but spans in between', () => {
    const session = { summary: { groups: [{ name: 'main.worker', count: 1, execNs: 0, regionLevels: 3 }] } } as unknown as TraceSession;
    const row = { kind: 'goroutine' as const, key: 'g:0:0', yPx: 0, heightPx: 18 + regionBandPx(3), title: '', group: 0, member: 0 };
    const lane: LaneChunk = overTheWire({ startNs: 0, endNs: 1000, nsPerPx: 1, lanes: [{ ...spansLane('g:7', [[0, 1000, SpanState.Running]]), tracks: { [REGIONS_TRACK]: t, [INSTANTS_TRACK]: instants([[450, MarkerKind.Log, 3, '[order] id=4']]) } }] }).lanes[0];
    const region = trackItemAt(session, row, [lane], 250, 2, 18 + REGION_LEVEL_PX + 2);
    expect(region).toEqual({ item: { kind: 'region', row: 102, startNs: 150, endNs: 500, count: 1, text: expect.stringContaining('authorize card') }, spansBelow: false });
    const log = trackItemAt(session, row, [lane], 451, 2, 4);
    expect(log.item).toMatchObject({ kind: 'log', row: 200, startNs: 450, endNs: 450, count: 3 });
    expect(log.item!.text).toContain('[order] id=4');
    expect(trackItemAt(session, row, [lane], 250, 2, 12)).toEqual({ item: null, spansBelow: true });
    expect(trackItemAt(session, row, [lane], 650, 2, 18)).toEqual({ item: null, spansBelow: false });
  });
});

describe('layout and URL', () => {
  const groups: TraceSummary['groups'] = [
    { name: 'main.worker', count: 2, execNs: 10, regionLevels: 3 },
    { name: 'main.idle', count: 2, execNs: 5 },
    { name: 'main.deep', count: 1, execNs: 1, regionLevels: 9 },
  ];

  it('goroutine rows of a group with regions are taller by a bar per level (at most 4); other groups keep 18 px', () => {
    const layout = buildLaneLayout({ lanes: [], groups, view: 'procs', expandedGroups: new Set([0, 1, 2]) });
    const rows = layout.rowsIn(0, 10_000).filter((r) => r.kind === 'goroutine');
    expect(rows.map((r) => [r.group, r.heightPx])).toEqual([
      [0, ROW_HEIGHTS.goroutine + 3 * REGION_LEVEL_PX + 1],
      [0, ROW_HEIGHTS.goroutine + 3 * REGION_LEVEL_PX + 1],
      [1, ROW_HEIGHTS.goroutine],
      [1, ROW_HEIGHTS.goroutine],
      [2, ROW_HEIGHTS.goroutine + 4 * REGION_LEVEL_PX + 1],
    ]);
    // The region band of a row belongs to that row.
    expect(layout.rowAt(rows[0].yPx + rows[0].heightPx - 2)?.member).toBe(0);
  });

  it('a selected region, sample or log round-trips through the URL with its span', () => {
    const state = { ...DEFAULT_URL_STATE, span: { lane: 'g:20', timeNs: 2829568, item: { kind: 'region' as const, row: 29 } } };
    const q = encodeUrlState(state);
    expect(q).toContain('item=region%3A29');
    expect(decodeUrlState(q).span).toEqual(state.span);
    expect(decodeUrlState('?span=g:20@5&item=task:3').span).toEqual({ lane: 'g:20', timeNs: 5 });
    expect(decodeUrlState('?item=log:3').span).toBeNull();
  });
});
