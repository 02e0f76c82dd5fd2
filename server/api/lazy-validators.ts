import ajvCompiler from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type BuildValidator = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator'];
type Compile = ReturnType<NonNullable<BuildValidator>>;
type RouteDefinition = Parameters<Compile>[0];
interface Validate {
  (data: unknown, ctx?: unknown): unknown;
  errors?: unknown;
  schemaEnv?: unknown;
}

/**
 * Fastify's own validators (Ajv, through @fastify/ajv-compiler, with the
 * app's Ajv options), each compiled on its route's first request instead of
 * when the server starts listening. Compiling the 17 query schemas had been
 * 50 ms of every start, on the way to the viewer's first chunk, though the
 * first view asks two routes; one schema compiles in a few ms.
 */
export function lazyValidators(build: NonNullable<BuildValidator> = ajvCompiler()): NonNullable<BuildValidator> {
  return (externalSchemas, ajvOptions) => {
    let compile: Compile | null = null;
    return (route: RouteDefinition) => {
      let validate: Validate | null = null;
      const lazy = ((data: unknown, ctx?: unknown) => {
        compile ??= build(externalSchemas, ajvOptions);
        validate ??= compile(route) as unknown as Validate;
        const ok = validate(data, ctx);
        // Fastify reads a failed validation's errors from the function it was given.
        lazy.errors = validate.errors;
        return ok;
      }) as Validate;
      // Ajv's functions carry schemaEnv, which tells Fastify to pass the parent object so that
      // coercion can write the root value; say the same of the wrapper.
      lazy.schemaEnv = true;
      return lazy as unknown as ReturnType<Compile>;
    };
  };
}
