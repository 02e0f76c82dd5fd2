import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/api.ts';
import type { FlowKind } from '../../shared/flow-api.ts';
import { FlowService } from '../query/flows.ts';
import type { QueryContext } from '../query/query-context.ts';
import { taskDetail } from '../query/task-detail.ts';
import { flowsQuery, taskQuery } from './query-schemas.ts';

/** The timeline's flow arrows (/api/flows) and user task details (/api/task). */
export function registerFlowRoutes(app: FastifyInstance, ctx: QueryContext): void {
  const flows = new FlowService(ctx);

  app.get<{ Querystring: { lanes: string; start: number; end: number; kinds: string; limit: number } }>(API.flows, { schema: { querystring: flowsQuery } }, async (req, reply) => {
    const { start, end, limit } = req.query;
    if (end < start) return reply.code(400).send({ statusCode: 400, code: 'BAD_WINDOW', message: `end (${end}) is before start (${start})` });
    const lanes = req.query.lanes.split(',');
    if (lanes.length > 512) return reply.code(400).send({ statusCode: 400, code: 'TOO_MANY_LANES', message: `at most 512 lanes per request (asked for ${lanes.length})` });
    const kinds = new Set(req.query.kinds.split(',') as FlowKind[]);
    return flows.query({ lanes, startNs: start, endNs: end, kinds, limit });
  });

  app.get<{ Querystring: { id: number } }>(API.task, { schema: { querystring: taskQuery } }, async (req, reply) => {
    const d = taskDetail(ctx.tasks, req.query.id);
    if (!d) return reply.code(404).send({ statusCode: 404, code: 'UNKNOWN_TASK', message: `no task ${req.query.id} in this trace` });
    return d;
  });
}
