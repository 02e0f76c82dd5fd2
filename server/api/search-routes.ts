import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/api.ts';
import type { QueryContext } from '../query/query-context.ts';
import { RelatedIndex } from '../query/related-index.ts';
import { SearchService } from '../query/search.ts';
import { relatedQuery, searchQuery } from './query-schemas.ts';

/** The timeline's search box (/api/search) and a goroutine's related goroutines (/api/goroutine/related); both build their index on first use. */
export function registerSearchRoutes(app: FastifyInstance, ctx: QueryContext): void {
  const search = new SearchService(ctx);
  let related: RelatedIndex | null = null;

  app.get<{ Querystring: { q: string; limit: number } }>(API.search, { schema: { querystring: searchQuery } }, async (req) => search.search(req.query.q, req.query.limit));

  app.get<{ Querystring: { id: number; limit: number } }>(API.goroutineRelated, { schema: { querystring: relatedQuery } }, async (req, reply) => {
    const g = ctx.model.goroutines.indexOf(req.query.id);
    if (g < 0) return reply.code(404).send({ statusCode: 404, code: 'UNKNOWN_GOROUTINE', message: `no goroutine ${req.query.id} in this trace` });
    related ??= new RelatedIndex(ctx.model, ctx.groups);
    return related.related(g, req.query.limit);
  });
}
