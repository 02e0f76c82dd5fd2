import ajvCompiler from '@fastify/ajv-compiler';
import { describe, expect, it } from 'vitest';
import { compileQueryValidator } from '../../server/api/query-validator.ts';
import * as schemas from '../../server/api/query-schemas.ts';

/**
 * Our query validator against Ajv as Fastify set it up before (its default
 * options with coerceTypes and the first error only), over every schema of
 * query-schemas.ts and many query strings: the same verdict, the same first
 * error (keyword, path, message) and the same coerced and defaulted values;
 * where Ajv let an infinite number through, a refusal as not a number.
 */

const ajvBuild = ajvCompiler()({}, { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } });

/** Values a query-string parameter can take: the edge cases of Ajv's coercion, bounds and patterns. */
const RAW_VALUES: unknown[] = [
  '0', '1', '-1', '-0', '1.5', '2', '1e3', '1e15', '1e16', ' 5 ', '0x10', '', 'abc', '5px', 'NaN', 'Infinity', '-Infinity',
  '4999', '5000', '5001', '10000', '10001', '199', '200', '4294967296', '9007199254740993',
  'true', 'false', 'json', 'pprof', 'net', 'sync', 'sched', 'region', 'log', 'task', 'asc', 'desc', 'total', 'block:x', 'range:', 'range:GC',
  'stw', 'stw,assist', 'stw,,assist', 'bogus', 'create,task', 'create,bogus', 'proc:0,g:1', 'g:1 g:2', 'gc', '😀'.repeat(3), 'x'.repeat(64), 'x'.repeat(65),
  'a'.repeat(200), 'a'.repeat(201), ['1', '2'], ['a'],
];

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Query objects for a schema: each property alone with each value, then random mixes with a missing or an extra key. */
function queriesFor(schema: { properties: Record<string, unknown>; required?: readonly string[] }, rnd: () => number): Record<string, unknown>[] {
  const names = Object.keys(schema.properties);
  const base = () => {
    const q: Record<string, unknown> = {};
    for (const r of schema.required ?? []) q[r] = RAW_VALUES[Math.floor(rnd() * 8)];
    return q;
  };
  const out: Record<string, unknown>[] = [{}];
  for (const name of names) for (const v of RAW_VALUES) out.push({ ...base(), [name]: v });
  for (let i = 0; i < 300; i++) {
    const q: Record<string, unknown> = {};
    for (const name of names) if (rnd() < 0.7) q[name] = RAW_VALUES[Math.floor(rnd() * RAW_VALUES.length)];
    if (rnd() < 0.1) q.extra = '1';
    out.push(q);
  }
  return out;
}

function isNumeric(schema: { properties: Record<string, unknown> }, key: string): boolean {
  const t = (schema.properties[key] as { type?: string } | undefined)?.type;
  return t === 'number' || t === 'integer';
}

const entries = Object.entries(schemas) as [string, { properties: Record<string, unknown>; required?: readonly string[] }][];

describe('query validator', () => {
  it('covers every schema of query-schemas.ts', () => {
    expect(entries.length).toBeGreaterThanOrEqual(14);
  });

  it.each(entries)('gives the same verdicts, first errors and coerced values as Ajv for %s', (_, schema) => {
    const ours = compileQueryValidator(schema);
    const theirs = ajvBuild({ schema, method: 'GET', url: '/x', httpPart: 'querystring' }) as ((d: unknown) => boolean) & { errors?: { keyword: string; instancePath: string; message: string }[] | null };
    const rnd = seeded(7);
    let rejected = 0;
    let infinite = 0;
    for (const q of queriesFor(schema, rnd)) {
      const a = structuredClone(q);
      const b = structuredClone(q);
      const okOurs = ours(a);
      const okAjv = theirs(b);
      const where = JSON.stringify(q);
      const infiniteAt = Object.keys(q).filter((k) => isNumeric(schema, k) && typeof q[k] === 'string' && q[k] !== '' && (q[k] as unknown as number) == +(q[k] as string) && !Number.isFinite(+(q[k] as string)));
      if (infiniteAt.length > 0) {
        // Ajv lets an infinite number through (its bounds skip it); we refuse it as not a number,
        // unless an error came before it.
        expect(okOurs, where).toBe(false);
        const e = ours.errors![0];
        const same = !okAjv && theirs.errors![0].instancePath === e.instancePath && theirs.errors![0].message === e.message;
        if (!same) {
          expect(infiniteAt.map((k) => `/${k}`), where).toContain(e.instancePath);
          expect(e.message, where).toMatch(/^must be (number|integer)$/);
        }
        infinite++;
        continue;
      }
      expect(okOurs, where).toBe(okAjv);
      if (!okAjv) {
        rejected++;
        const [e] = theirs.errors!;
        expect(ours.errors?.map(({ keyword, instancePath, message }) => ({ keyword, instancePath, message })), where).toEqual([{ keyword: e.keyword, instancePath: e.instancePath, message: e.message }]);
      } else {
        expect(a, where).toEqual(b);
      }
    }
    // The inputs reach both sides of the verdict.
    expect(rejected).toBeGreaterThan(0);
    if (Object.keys(schema.properties).some((k) => isNumeric(schema, k))) expect(infinite).toBeGreaterThan(0);
  });

  it('refuses a schema with a keyword it does not check', () => {
    expect(() => compileQueryValidator({ type: 'object', properties: { n: { type: 'number', multipleOf: 2 } } })).toThrow(/keyword multipleOf of n/);
    expect(() => compileQueryValidator({ type: 'object', properties: { n: { type: 'array' } } })).toThrow(/type of n/);
    expect(() => compileQueryValidator({ type: 'object', properties: {}, anyOf: [] })).toThrow(/keyword anyOf/);
  });

  it('applies defaults before checking and coerces numbers in place', () => {
    const v = compileQueryValidator(schemas.relatedQuery);
    const q: Record<string, unknown> = { id: '12' };
    expect(v(q)).toBe(true);
    expect(q).toEqual({ id: 12, limit: 100 });
    expect(v({ id: '1.5' })).toBe(false);
    expect(v.errors?.[0].message).toBe('must be integer');
  });
});

describe('the app with our validator', () => {
  it('refuses a route with a response schema when it starts (nothing would check or serialize it)', async () => {
    const { buildApp } = await import('../../server/api/app.ts');
    const { fixtureContext } = await import('../helpers/model-cache.ts');
    const app = buildApp({ ctx: fixtureContext('chansel-go1.26.trace'), plugins: [(a) => a.get('/x', { schema: { response: { 200: { type: 'object' } } } }, async () => ({}))] });
    await expect(app.ready()).rejects.toThrow(/route \/x: response schemas are not supported/);
  });
});
