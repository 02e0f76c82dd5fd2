import { describe, expect, it } from 'vitest';
import { SpanState } from '../../shared/states.ts';
import { drawCounterLane, stackedMax } from '../../web/render/draw-counter-lane.ts';
import { drawMarkersLane } from '../../web/render/draw-markers-lane.ts';
import { drawSpansLane, type SpanLaneContext } from '../../web/render/draw-spans-lane.ts';
import { fitText, LabelList, MIN_LABEL_PX } from '../../web/render/label-list.ts';
import { groupColour } from '../../web/render/palette.ts';
import { RectBatch } from '../../web/render/rect-batch.ts';
import { createTimeScale } from '../../web/render/time-scale.ts';
import { counterLane, markersLane, recordingContext, spansLane } from './helpers/fake-chunks.ts';

function context(widthPx = 1000, endNs = 1000): SpanLaneContext {
  return { scale: createTimeScale(0, endNs, widthPx), batch: new RectBatch(), labels: new LabelList(), reasons: ['', 'chan receive'], reasonColours: ['#aaaaaa', '#f28e2b'], groupNames: ['main.worker', 'main.main'] };
}

describe('rect batching', () => {
  it('joins touching rectangles of one colour on one row and sets each colour once', () => {
    const b = new RectBatch();
    for (let x = 0; x < 100; x++) b.add('#111111', x, 10, 1, 5);
    b.add('#222222', 100, 10, 3, 5);
    b.add('#111111', 200, 10, 1, 5);
    b.add('#111111', 201, 30, 1, 5); // another row
    expect(b.countFor('#111111')).toBe(3);
    const { ctx, calls } = recordingContext();
    b.flush(ctx);
    const styles = calls.filter((c) => c.op === 'fill' || c.op === 'fillRect').map((c) => c.fillStyle);
    expect(styles).toEqual(['#111111', '#222222']);
    expect(calls.filter((c) => c.op === 'rect')).toHaveLength(3);
  });

  it('layer 1 is drawn after layer 0', () => {
    const b = new RectBatch();
    b.add('#ff0000', 0, 0, 5, 5, 1);
    b.add('#00ff00', 0, 0, 5, 5, 0);
    const { ctx, calls } = recordingContext();
    b.flush(ctx);
    expect(calls.filter((c) => c.op === 'fillRect').map((c) => c.fillStyle)).toEqual(['#00ff00', '#ff0000']);
  });
});

describe('spans lane drawing', () => {
  it('spans narrower than a pixel are drawn one pixel wide and joined', () => {
    const c = context(100, 1000); // 10 ns per px
    const rows: [number, number, number, number][] = Array.from({ length: 50 }, (_, i) => [i * 10, i * 10 + 3, SpanState.Executing, 4]);
    const lane = spansLane('proc:0', rows, { goroutine: rows.map(() => 7), group: rows.map(() => 0) });
    expect(drawSpansLane(c, lane, 0, 1000, 0, 24)).toBe(50);
    expect(c.batch.countFor(groupColour(0))).toBe(1); // 50 one-pixel spans in a row: one rect
    expect(c.labels.length).toBe(0);
  });

  it('labels only spans at least MIN_LABEL_PX wide, with goroutine and group', () => {
    const c = context();
    const lane = spansLane(
      'proc:0',
      [
        [0, MIN_LABEL_PX - 5, SpanState.Executing],
        [100, 400, SpanState.Executing],
      ],
      { goroutine: [3, 9], group: [1, 0] },
    );
    drawSpansLane(c, lane, 0, 1000, 0, 24);
    expect(c.labels.length).toBe(1);
    const { ctx, calls } = recordingContext();
    c.labels.flush(ctx);
    expect(calls.find((x) => x.op === 'fillText')?.args[0]).toBe('G9 main.worker');
  });

  it('draws only what falls inside the clip range', () => {
    const c = context();
    const lane = spansLane('g:1', [
      [0, 100, SpanState.Running],
      [100, 600, SpanState.Waiting],
      [600, 900, SpanState.Running],
    ], { reason: [0, 1, 0] });
    expect(drawSpansLane(c, lane, 200, 500, 0, 18)).toBe(1);
    const { ctx, calls } = recordingContext();
    c.batch.flush(ctx);
    const r = calls.find((x) => x.op === 'fillRect')!;
    expect(r.fillStyle).toBe('#f28e2b');
    expect(r.args[0]).toBe(200);
    expect((r.args[0] as number) + (r.args[2] as number)).toBeLessThanOrEqual(500);
  });

  it('label text is cut with an ellipsis to fit', () => {
    expect(fitText('G12 main.veryLongFunctionName', 60, 6)).toBe('G12 main…');
    expect(fitText('short', 100, 6)).toBe('short');
    expect(fitText('anything', 10, 6)).toBe('');
  });
});

describe('counter and marker drawing', () => {
  it('stacks series on the maxima below and shows min–max ranges lighter', () => {
    const lane = counterLane('stats:goroutines', [0, 500], { running: [[2, 2], [2, 4]], runnable: [[1, 1], [1, 1]] });
    expect(stackedMax(lane)).toBe(5);
    const b = new RectBatch();
    drawCounterLane(b, createTimeScale(0, 1000, 1000), lane, 1000, 0, 1000, 0, 53, 5);
    const { ctx, calls } = recordingContext();
    b.flush(ctx);
    const fills = calls.filter((c) => c.op === 'fillRect' || c.op === 'rect');
    // bucket 0: running solid, runnable solid; bucket 1: running solid + light range, runnable solid.
    expect(fills.length).toBeGreaterThanOrEqual(4);
    const tops = fills.map((f) => f.args[1] as number);
    expect(Math.min(...tops)).toBeGreaterThanOrEqual(0);
  });

  it('markers are 2 px ticks, taller for busier buckets', () => {
    const b = new RectBatch();
    drawMarkersLane(b, createTimeScale(0, 1000, 1000), markersLane('net', [100, 500], [1, 20]), 0, 1000, 0, 18);
    const { ctx, calls } = recordingContext();
    b.flush(ctx);
    const rects = calls.filter((c) => c.op === 'rect' || c.op === 'fillRect');
    expect(rects).toHaveLength(2);
    expect(rects[1].args[3] as number).toBeGreaterThan(rects[0].args[3] as number);
  });
});
