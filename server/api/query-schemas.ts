/**
 * JSON schemas for query strings: Fastify validates (and coerces) them before
 * any handler runs, so a bad parameter gets a 400 naming it and why.
 */
const ns = { type: 'number', minimum: 0 } as const;

export const windowQuery = {
  type: 'object',
  properties: { start: ns, end: ns },
  additionalProperties: false,
} as const;

export const chunkQuery = {
  type: 'object',
  required: ['lanes', 'start', 'end', 'nsPerPx'],
  properties: {
    lanes: { type: 'string', minLength: 1, maxLength: 20000, pattern: '^[A-Za-z0-9:._,-]+$' },
    start: ns,
    end: ns,
    nsPerPx: { type: 'number', minimum: 1, maximum: 1e15 },
  },
  additionalProperties: false,
} as const;

export const goroutineListQuery = {
  type: 'object',
  required: ['group'],
  properties: {
    group: { type: 'string', maxLength: 4096 },
    offset: { type: 'integer', minimum: 0, default: 0 },
    limit: { type: 'integer', minimum: 1, maximum: 5000, default: 200 },
  },
  additionalProperties: false,
} as const;

export const spanQuery = {
  type: 'object',
  required: ['lane', 't'],
  properties: { lane: { type: 'string', minLength: 1, maxLength: 64 }, t: ns },
  additionalProperties: false,
} as const;

export const analysisQuery = {
  type: 'object',
  properties: {
    start: ns,
    end: ns,
    group: { type: 'string', maxLength: 4096 },
    groupsOnly: { type: 'string', enum: ['0', '1', 'true', 'false'], default: '0' },
    offset: { type: 'integer', minimum: 0, default: 0 },
    limit: { type: 'integer', minimum: 1 },
    sort: { type: 'string', pattern: '^(total|exec|execShare|schedWait|syscall|unknown|id|block:.*|range:.+)$', maxLength: 4096, default: 'total' },
    order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
  },
  additionalProperties: false,
} as const;

export const goroutineQuery = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 0 } },
  additionalProperties: false,
} as const;

export const profileQuery = {
  type: 'object',
  required: ['kind'],
  properties: {
    kind: { type: 'string', enum: ['net', 'sync', 'syscall', 'sched'] },
    start: ns,
    end: ns,
    format: { type: 'string', enum: ['json', 'pprof'], default: 'json' },
  },
  additionalProperties: false,
} as const;

export const mmuQuery = {
  type: 'object',
  properties: {
    flags: { type: 'string', pattern: '^(stw|background|assist|sweep|perproc)?(,(stw|background|assist|sweep|perproc))*$', default: 'stw,background,assist' },
    start: ns,
    end: ns,
    // 1/0 or true/false (a bare boolean schema would refuse "1").
    percentiles: { type: 'string', enum: ['0', '1', 'true', 'false'], default: '0' },
    windowNs: { type: 'number', minimum: 1 },
  },
  additionalProperties: false,
} as const;

export const annotationQuery = {
  type: 'object',
  required: ['kind', 'row'],
  properties: { kind: { type: 'string', enum: ['region', 'sample', 'log'] }, row: { type: 'integer', minimum: 0 } },
  additionalProperties: false,
} as const;

export const stackParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export const flowsQuery = {
  type: 'object',
  required: ['lanes', 'start', 'end'],
  properties: {
    lanes: { type: 'string', minLength: 1, maxLength: 20000, pattern: '^[A-Za-z0-9:._,-]+$' },
    start: ns,
    end: ns,
    kinds: { type: 'string', pattern: '^(create|unblock|syscall|task)(,(create|unblock|syscall|task))*$', default: 'create,unblock,syscall,task' },
    limit: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 },
  },
  additionalProperties: false,
} as const;

export const taskQuery = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 0 } },
  additionalProperties: false,
} as const;

export const searchQuery = {
  type: 'object',
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 200 },
    // MAX_SEARCH_LIMIT (shared/search-api.ts).
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
  additionalProperties: false,
} as const;

export const relatedQuery = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'integer', minimum: 0 },
    // RELATED_DEFAULT_LIMIT and RELATED_MAX_LIMIT (shared/related-api.ts).
    limit: { type: 'integer', minimum: 1, maximum: 5000, default: 100 },
  },
  additionalProperties: false,
} as const;
