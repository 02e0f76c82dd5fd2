import ajvCompiler from '@fastify/ajv-compiler';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazyValidators } from '../../server/api/lazy-validators.ts';

/** A Fastify app with two validated routes, counting the schemas Ajv compiles. */
async function countingApp() {
  const compiled: string[] = [];
  const real = ajvCompiler();
  const counting: Parameters<typeof lazyValidators>[0] = (externalSchemas, options) => {
    const compile = real(externalSchemas, options);
    return (route) => {
      compiled.push(`${route.method} ${route.url} ${route.httpPart}`);
      return compile(route);
    };
  };
  const app = Fastify({ ajv: { customOptions: { coerceTypes: true } }, schemaController: { compilersFactory: { buildValidator: lazyValidators(counting) } } });
  const query = { type: 'object', required: ['n'], properties: { n: { type: 'integer', minimum: 1 } } };
  app.get<{ Querystring: { n: number } }>('/a', { schema: { querystring: query } }, async (req) => ({ n: req.query.n, type: typeof req.query.n }));
  app.get<{ Params: { id: number } }>('/b/:id', { schema: { params: { type: 'object', properties: { id: { type: 'integer' } } } } }, async (req) => ({ id: req.params.id }));
  await app.ready();
  return { app, compiled };
}

describe('lazy validators', () => {
  it('compile no schema when the server starts, and each on its route first request', async () => {
    const { app, compiled } = await countingApp();
    expect(compiled).toEqual([]);
    expect((await app.inject('/a?n=3')).json()).toEqual({ n: 3, type: 'number' });
    expect(compiled).toEqual(['GET /a querystring']);
    await app.inject('/a?n=4');
    expect(compiled).toHaveLength(1);
    expect((await app.inject('/b/7')).json()).toEqual({ id: 7 });
    expect(compiled).toEqual(['GET /a querystring', 'GET /b/:id params']);
  });

  it('refuse a bad query with 400 and Ajv message, on the first request as on later ones', async () => {
    const { app } = await countingApp();
    for (let i = 0; i < 2; i++) {
      const r = await app.inject('/a?n=0');
      expect(r.statusCode).toBe(400);
      expect(r.json().message).toMatch(/querystring\/n must be >= 1/);
    }
    const missing = await app.inject('/a');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/must have required property 'n'/);
    expect((await app.inject('/b/x')).statusCode).toBe(400);
  });
});
