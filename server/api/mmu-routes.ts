import type { FastifyInstance } from 'fastify';
import { API, type MmuResponse, type MmuWindow } from '../../shared/api.ts';
import type { UtilFlags } from '../model/mmu/util-flags.ts';
import type { MmuService } from '../query/mmu-service.ts';
import { TraceError } from '../trace/trace-error.ts';
import { mmuQuery } from './query-schemas.ts';

interface MmuQuery {
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
export function registerMmuRoutes(app: FastifyInstance, mmu: MmuService | null): void {
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
      const plot = await mmu.plot(flags, percentiles);
      const body: MmuResponse = {
        flags: req.query.flags.split(',').filter(Boolean),
        curve: plot?.curve ?? [],
        quantiles: plot?.quantiles ? [...plot.quantiles] : [],
        xMinNs: plot?.xMinNs ?? 0,
        xMaxNs: plot?.xMaxNs ?? 0,
        ...(plot === null ? { message: 'no utilization to plot: the trace never reports GOMAXPROCS (an old-format trace without a GC)' } : {}),
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
      const worst = await mmu.worstWindows(utilFlagsFromQuery(req.query.flags), windowNs);
      const windows: MmuWindow[] = worst.map((w) => ({ startNs: w.timeNs, durationNs: windowNs, util: w.mutatorUtil }));
      return windows;
    } catch (e) {
      return reply.code(422).send(failed(e));
    }
  });
}
