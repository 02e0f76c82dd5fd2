import type { FastifyInstance } from 'fastify';
import { API, type MmuResponse, type MmuWindow } from '../../shared/api.ts';
import type { UtilFlags } from '../model/mmu/util-flags.ts';
import type { MmuService, TimeWindow } from '../query/mmu-service.ts';
import { TraceError } from '../trace/trace-error.ts';
import { mmuQuery } from './query-schemas.ts';

interface MmuQuery {
  start?: number;
  end?: number;
  flags: string;
  percentiles: '0' | '1' | 'true' | 'false';
  windowNs?: number;
}

/** `stw,background,assist,sweep,perproc` (the API's form) → the utilization flags. */
export function utilFlagsFromQuery(flags: string): UtilFlags {
  const names = new Set(flags.split(',').filter(Boolean));
  return { stw: names.has('stw'), background: names.has('background'), assist: names.has('assist'), sweep: names.has('sweep'), perProc: names.has('perproc') };
}

/** The MMU page: go tool trace's /mmu plot and worst windows, with its flags. */
export function registerMmuRoutes(app: FastifyInstance, mmu: MmuService | null, traceEndNs: number): void {
  // No start/end (or the whole trace): go tool trace's exact numbers; else the series clipped to the window.
  const window = (q: MmuQuery): TimeWindow | undefined => {
    const startNs = q.start ?? 0;
    const endNs = q.end ?? traceEndNs;
    return startNs <= 0 && endNs >= traceEndNs ? undefined : { startNs, endNs: Math.max(startNs, endNs) };
  };
  const unavailable = () => ({ statusCode: 404, code: 'NO_TRACE_FILE', message: 'the MMU is computed from the trace file, and this server was given bytes, not a file' });
  const failed = (e: unknown) => {
    if (e instanceof TraceError) return { statusCode: 422, code: e.code, message: e.format() };
    throw e;
  };

  app.get<{ Querystring: MmuQuery }>(API.mmu, { schema: { querystring: mmuQuery } }, async (req, reply) => {
    if (!mmu) return reply.code(404).send(unavailable());
    const flags = utilFlagsFromQuery(req.query.flags);
    try {
      const percentiles = req.query.percentiles === '1' || req.query.percentiles === 'true';
      const plot = await mmu.plot(flags, percentiles, window(req.query));
      const body: MmuResponse = {
        flags: req.query.flags.split(',').filter(Boolean),
        curve: plot?.curve ?? [],
        quantiles: plot?.quantiles ? [...plot.quantiles] : [],
        xMinNs: plot?.xMinNs ?? 0,
        xMaxNs: plot?.xMaxNs ?? 0,
        ...(plot === null ? { message: 'no utilization to plot: the trace never reports GOMAXPROCS (an old-format trace without a GC), or the window is empty' } : {}),
      };
      return body;
    } catch (e) {
      return reply.code(422).send(failed(e));
    }
  });

  app.get<{ Querystring: MmuQuery }>(API.mmuDetails, { schema: { querystring: { ...mmuQuery, required: ['windowNs'] } } }, async (req, reply) => {
    if (!mmu) return reply.code(404).send(unavailable());
    const windowNs = req.query.windowNs!;
    try {
      const worst = await mmu.worstWindows(utilFlagsFromQuery(req.query.flags), windowNs, window(req.query));
      const windows: MmuWindow[] = worst.map((w) => ({ startNs: w.timeNs, durationNs: windowNs, util: w.mutatorUtil }));
      return windows;
    } catch (e) {
      return reply.code(422).send(failed(e));
    }
  });
}
