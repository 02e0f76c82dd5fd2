import { join } from 'node:path';
import { buildModel } from '../../server/model/build-model.ts';
import type { TraceModel } from '../../server/model/trace-model.ts';
import { QueryContext } from '../../server/query/query-context.ts';
import { FIXTURE_TRACES } from './paths.ts';

const models = new Map<string, TraceModel>();
const contexts = new Map<string, QueryContext>();

/** The model of a committed fixture, built once per test file. */
export function fixtureModel(name: string): TraceModel {
  let m = models.get(name);
  if (!m) models.set(name, (m = buildModel(join(FIXTURE_TRACES, name))));
  return m;
}

export function fixtureContext(name: string): QueryContext {
  let c = contexts.get(name);
  if (!c) contexts.set(name, (c = new QueryContext(fixtureModel(name))));
  return c;
}
