import type { FastifyInstance } from 'fastify';
import { API, type GoroutineListResponse, type GoroutineLocation } from '../../shared/api.ts';
import { encodeChunk } from '../../shared/chunk-codec.ts';
import type { AnnotationKind } from '../../shared/lane-tracks.ts';
import { annotationDetail } from '../query/annotation-detail.ts';
import { buildChunk, UnknownLaneError } from '../query/build-chunk.ts';
import type { QueryContext } from '../query/query-context.ts';
import { selectionSummary } from '../query/selection-summary.ts';
import { spanDetail, stackFrames } from '../query/span-detail.ts';
import { annotationQuery, chunkQuery, goroutineListQuery, goroutineQuery, spanQuery, stackParams, windowQuery } from './query-schemas.ts';
import { traceSummary } from './summary.ts';

/** Routes the timeline reads: summary, chunks, goroutine lists, span details, selections, stacks. */
export function registerTimelineRoutes(app: FastifyInstance, ctx: QueryContext): void {
  const summary = traceSummary(ctx);
  app.get(API.summary, async () => summary);

  app.get<{ Querystring: { lanes: string; start: number; end: number; nsPerPx: number } }>(API.chunk, { schema: { querystring: chunkQuery } }, async (req, reply) => {
    const { start, end, nsPerPx } = req.query;
    if (end < start) return reply.code(400).send({ statusCode: 400, code: 'BAD_WINDOW', message: `end (${end}) is before start (${start})` });
    const lanes = req.query.lanes.split(',');
    if (lanes.length > 512) return reply.code(400).send({ statusCode: 400, code: 'TOO_MANY_LANES', message: `at most 512 lanes per chunk (asked for ${lanes.length})` });
    if ((end - start) / nsPerPx > 20000) {
      return reply.code(400).send({ statusCode: 400, code: 'TOO_MANY_PIXELS', message: `window/nsPerPx is ${Math.round((end - start) / nsPerPx)} pixels; at most 20000` });
    }
    try {
      const bytes = encodeChunk(buildChunk(ctx, { lanes, startNs: start, endNs: end, nsPerPx }));
      return reply.type('application/octet-stream').send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (e) {
      if (e instanceof UnknownLaneError) return reply.code(400).send({ statusCode: 400, code: 'UNKNOWN_LANE', message: e.message });
      throw e;
    }
  });

  app.get<{ Querystring: { group: string; offset: number; limit: number } }>(API.goroutineList, { schema: { querystring: goroutineListQuery } }, async (req, reply) => {
    const gi = ctx.groups.names.indexOf(req.query.group);
    if (gi < 0) return reply.code(404).send({ statusCode: 404, code: 'UNKNOWN_GROUP', message: `no goroutine group "${req.query.group}"` });
    const members = ctx.groups.members[gi];
    const { offset, limit } = req.query;
    const m = ctx.model;
    const items = Array.from(members.subarray(offset, offset + limit), (g) => ({
      id: m.goroutines.id(g),
      group: gi,
      label: m.strings.get(m.goroutines.label(g)),
      createdNs: m.goroutines.createdNs(g),
      endNs: m.goroutines.endNs(g),
      execNs: ctx.model.goroutines.execNs(g),
    }));
    const body: GoroutineListResponse = { group: req.query.group, total: members.length, offset, items };
    return body;
  });

  app.get<{ Querystring: { id: number } }>(API.goroutine, { schema: { querystring: goroutineQuery } }, async (req, reply) => {
    const m = ctx.model;
    const g = m.goroutines.indexOf(req.query.id);
    if (g < 0) return reply.code(404).send({ statusCode: 404, code: 'UNKNOWN_GOROUTINE', message: `no goroutine ${req.query.id} in this trace` });
    const group = ctx.groups.groupOf(g);
    const body: GoroutineLocation = {
      id: req.query.id,
      group,
      groupName: ctx.groups.names[group],
      member: ctx.groups.memberIndex(g),
      label: m.strings.get(m.goroutines.label(g)),
      createdNs: m.goroutines.createdNs(g),
      endNs: m.goroutines.endNs(g),
    };
    return body;
  });

  app.get<{ Querystring: { lane: string; t: number } }>(API.span, { schema: { querystring: spanQuery } }, async (req, reply) => {
    const d = spanDetail(ctx, req.query.lane, req.query.t);
    if (!d) return reply.code(404).send({ statusCode: 404, code: 'NO_SPAN', message: `nothing on lane ${req.query.lane} at ${req.query.t} ns` });
    return d;
  });

  app.get<{ Querystring: { kind: AnnotationKind; row: number } }>(API.annotation, { schema: { querystring: annotationQuery } }, async (req, reply) => {
    const d = annotationDetail(ctx, req.query.kind, req.query.row);
    if (!d) return reply.code(404).send({ statusCode: 404, code: 'NO_ANNOTATION', message: `no ${req.query.kind} row ${req.query.row} in this trace` });
    return d;
  });

  app.get<{ Querystring: { start?: number; end?: number } }>(API.selection, { schema: { querystring: windowQuery } }, async (req) => {
    const start = req.query.start ?? 0;
    const end = req.query.end ?? ctx.model.endNs;
    return selectionSummary(ctx, start, Math.max(start, end));
  });

  app.get<{ Params: { id: number } }>(`${API.stack}/:id`, { schema: { params: stackParams } }, async (req, reply) => {
    if (req.params.id >= ctx.model.stacks.stackCount) return reply.code(404).send({ statusCode: 404, code: 'UNKNOWN_STACK', message: `no stack ${req.params.id}` });
    return { id: req.params.id, frames: stackFrames(ctx.model, req.params.id) };
  });
}
