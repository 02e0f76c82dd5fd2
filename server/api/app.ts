import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { QueryContext } from '../query/query-context.ts';
import { registerAnalysisRoutes } from './analysis-routes.ts';
import { registerFlowRoutes } from './flow-routes.ts';
import { registerHostGuard } from './host-guard.ts';
import { compileQueryValidator } from './query-validator.ts';
import { registerMmuRoutes } from './mmu-routes.ts';
import { MmuService } from '../query/mmu-service.ts';
import { registerSearchRoutes } from './search-routes.ts';
import { registerTimelineRoutes } from './timeline-routes.ts';

export interface AppOptions {
  ctx: QueryContext;
  /** Directory of the built web app (dist/web); no static serving when absent. */
  webRoot?: string;
  /** Host header values answered; set once the server listens (unset: any, for inject tests). */
  allowedHosts?: () => Set<string>;
  /** The MMU service; by default one that re-reads the model's file inline (no worker). */
  mmu?: MmuService;
  /** Extra routes registered by the caller. */
  plugins?: ((app: FastifyInstance, ctx: QueryContext) => void)[];
}

/**
 * The Fastify app, separate from the code that listens so every route can be
 * tested through `inject`. It serves one trace (the one it was given) and the
 * built web assets, nothing else from the file system.
 */
export function buildApp(opts: AppOptions): FastifyInstance {
  // Our own validator of the query schemas' subset, Ajv-compatible (query-validator.ts): Ajv cost 55-75 ms of
  // every start. Given as the compilers' factories, so that Fastify does not load Ajv and fast-json-stringify
  // at all (no route has a response schema: a route that gets one fails loudly, below).
  const compilersFactory = {
    buildValidator: () => ({ schema }: { schema: unknown }) => compileQueryValidator(schema),
    buildSerializer: () => ({ url }: { url: string }) => {
      throw new Error(`route ${url}: response schemas are not supported (the server serializes with JSON.stringify)`);
    },
  };
  // Fastify's types describe Ajv's compilers; ours keep Fastify's calling convention (validate(data), .errors).
  const app = Fastify({ logger: false, schemaController: { compilersFactory } as unknown as FastifyServerOptions['schemaController'] });
  if (opts.allowedHosts) registerHostGuard(app, opts.allowedHosts);
  app.setErrorHandler((e, _req, reply) => {
    const err = e as { statusCode?: number; validation?: unknown; message: string; code?: string };
    const status = err.statusCode ?? 500;
    if (err.validation) {
      return reply.code(400).send({ statusCode: 400, code: 'BAD_QUERY', message: `bad query parameter: ${err.message.replace(/^querystring\/?/, '')}` });
    }
    return reply.code(status).send({ statusCode: status, code: err.code ?? 'INTERNAL', message: err.message });
  });
  registerTimelineRoutes(app, opts.ctx);
  registerAnalysisRoutes(app, opts.ctx);
  registerFlowRoutes(app, opts.ctx);
  registerSearchRoutes(app, opts.ctx);
  const file = opts.ctx.model.file;
  registerMmuRoutes(app, opts.mmu ?? (file ? new MmuService(file) : null), opts.ctx.model.endNs);
  for (const p of opts.plugins ?? []) p(app, opts.ctx);
  if (opts.webRoot && existsSync(join(opts.webRoot, 'index.html'))) {
    app.register(fastifyStatic, { root: opts.webRoot, index: 'index.html', wildcard: false });
    // Client-side routes (/goroutines, /profiles …) get the app shell.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.code(404).send({ statusCode: 404, code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` });
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.code(404).send({ statusCode: 404, code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` }));
  }
  return app;
}
