import type { FastifyInstance } from 'fastify';
import { API, type GoroutineAnalysisResponse } from '../../shared/api.ts';
import { blockingProfile, type ProfileKind } from '../model/blocking-profile.ts';
import { encodePprof } from '../model/pprof-writer.ts';
import { analyzeRegions, analyzeTasks } from '../model/user-annotations.ts';
import { GoroutineAnalysisPager, type AnalysisSortKey } from '../query/goroutine-analysis-page.ts';
import { profileView } from '../query/profile-view.ts';
import { RecentResults } from '../query/recent-results.ts';
import type { QueryContext } from '../query/query-context.ts';
import { analysisQuery, profileQuery, windowQuery } from './query-schemas.ts';

interface Window {
  start?: number;
  end?: number;
}

/** The analyses, each for the whole trace or a window [start, end]. */
export function registerAnalysisRoutes(app: FastifyInstance, ctx: QueryContext): void {
  const m = ctx.model;
  const win = (q: Window) => {
    const start = q.start ?? 0;
    return { start, end: Math.max(start, q.end ?? m.endNs) };
  };

  const pager = new GoroutineAnalysisPager(m);
  // Blocking profiles by kind and window: the four kinds of one window, and a few windows more.
  const profiles = new RecentResults<ReturnType<typeof blockingProfile>>(8);
  type AnalysisQuery = Window & { group?: string; groupsOnly: string; offset: number; limit?: number; sort: AnalysisSortKey; order: 'asc' | 'desc' };
  app.get<{ Querystring: AnalysisQuery }>(API.goroutineAnalysis, { schema: { querystring: analysisQuery } }, async (req) => {
    const { start, end } = win(req.query);
    const q = req.query;
    const page = pager.page({
      startNs: start,
      endNs: end,
      group: q.group,
      groupsOnly: q.groupsOnly === '1' || q.groupsOnly === 'true',
      offset: q.offset,
      limit: q.limit ?? Infinity,
      sort: q.sort,
      desc: q.order === 'desc',
    });
    const body: GoroutineAnalysisResponse = { startNs: start, endNs: end, ...page };
    return body;
  });

  app.get<{ Querystring: Window & { kind: ProfileKind; format: 'json' | 'pprof' } }>(API.profile, { schema: { querystring: profileQuery } }, async (req, reply) => {
    const { start, end } = win(req.query);
    const records = profiles.get(`${req.query.kind}/${start}/${end}`, () => blockingProfile(m, req.query.kind, start, end));
    if (req.query.format === 'pprof') {
      const bytes = encodePprof(m, records);
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename="${req.query.kind}.pb.gz"`)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    return profileView(m, req.query.kind, records);
  });

  app.get<{ Querystring: Window }>(API.tasks, { schema: { querystring: windowQuery } }, async (req) => {
    const { start, end } = win(req.query);
    return { types: analyzeTasks(m, start, end) };
  });

  app.get<{ Querystring: Window }>(API.regions, { schema: { querystring: windowQuery } }, async (req) => {
    const { start, end } = win(req.query);
    return { types: analyzeRegions(m, start, end) };
  });
}
