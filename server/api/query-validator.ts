/**
 * The validator of our query strings and path parameters: the JSON-schema
 * subset of query-schemas.ts, checked and coerced as Fastify's Ajv setup does
 * (coerceTypes, useDefaults, the first error only), with Ajv's error objects
 * and messages, except that numbers must be finite. Why not Ajv itself: loading it and compiling the first schema
 * took 55-75 ms of every start, on the way to the viewer's first chunk (V8
 * compiling Ajv's code generator), for 17 flat schemas of 6 keywords. A test
 * runs both on the same inputs and asserts the same verdicts, values and
 * messages. A schema using any other keyword is refused when the route is
 * registered, so nothing goes unchecked silently.
 */

export interface ValidationError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message: string;
}

export interface QueryValidator {
  (data: unknown): boolean;
  errors: ValidationError[] | null;
}

type Scalar = 'number' | 'integer' | 'string';
interface PropertySchema {
  type: Scalar;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: readonly string[];
  default?: unknown;
}
interface ObjectSchema {
  type: 'object';
  properties: Record<string, PropertySchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
}

const OBJECT_KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties']);
const PROPERTY_KEYWORDS = new Set(['type', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'enum', 'default']);

/** Refuses a schema outside the subset (a programming error, caught when the routes are registered). */
function checkSchema(schema: unknown): ObjectSchema {
  const s = schema as ObjectSchema;
  const bad = (why: string) => new Error(`query-validator: unsupported schema (${why}): ${JSON.stringify(schema)}`);
  if (typeof s !== 'object' || s === null || s.type !== 'object' || typeof s.properties !== 'object') throw bad('an object schema with properties is needed');
  for (const k of Object.keys(s)) if (!OBJECT_KEYWORDS.has(k)) throw bad(`keyword ${k}`);
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) throw bad('additionalProperties other than false');
  for (const [name, p] of Object.entries(s.properties)) {
    if (!['number', 'integer', 'string'].includes(p.type)) throw bad(`type of ${name}`);
    for (const k of Object.keys(p)) if (!PROPERTY_KEYWORDS.has(k)) throw bad(`keyword ${k} of ${name}`);
  }
  for (const r of s.required ?? []) if (!(r in s.properties)) throw bad(`required ${r} has no schema`);
  return s;
}

/**
 * Ajv's number coercion of a string: a non-empty string equal to its numeric
 * value. Unlike Ajv, a value that is not finite ("Infinity", "1e400") is
 * refused: Ajv coerced it and then skipped minimum and maximum, so
 * `start=-Infinity` reached the handlers.
 */
function toNumber(v: unknown, integer: boolean): number | undefined {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'boolean') n = +v;
  else if (v === null) n = 0;
  // `v == +v`, as Ajv's generated code tests it: "1e3", " 5 " and "0x10" are numbers, "" and "5px" are not.
  else if (typeof v === 'string' && v !== '' && (v as unknown as number) == +v) n = +v;
  else return undefined;
  return !Number.isFinite(n) || (integer && n % 1 !== 0) ? undefined : n;
}

/** Ajv's string coercion: numbers and booleans to their text, null to "". */
function toText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return '';
  return undefined;
}

/** Length in Unicode code points, as Ajv counts it (a surrogate pair is one character). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    n++;
  }
  return n;
}

/** A validator for one schema: true when `data` passes (coerced and defaulted in place), else false with `errors`. */
export function compileQueryValidator(schema: unknown): QueryValidator {
  const s = checkSchema(schema);
  const props = Object.entries(s.properties).map(([name, p]) => ({ name, p, re: p.pattern === undefined ? null : new RegExp(p.pattern, 'u') }));
  const known = new Set(Object.keys(s.properties));
  const fail = (keyword: string, instancePath: string, schemaPath: string, params: Record<string, unknown>, message: string): false => {
    validate.errors = [{ keyword, instancePath, schemaPath, params, message }];
    return false;
  };
  const validate = ((data: unknown): boolean => {
    validate.errors = null;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('type', '', '#/type', { type: 'object' }, 'must be object');
    const obj = data as Record<string, unknown>;
    // Ajv's order: defaults, required, additionalProperties, then each property in schema order.
    for (const { name, p } of props) if (p.default !== undefined && obj[name] === undefined) obj[name] = p.default;
    for (const r of s.required ?? []) {
      if (obj[r] === undefined) return fail('required', '', '#/required', { missingProperty: r }, `must have required property '${r}'`);
    }
    if (s.additionalProperties === false) {
      for (const k in obj) {
        if (!known.has(k)) return fail('additionalProperties', '', '#/additionalProperties', { additionalProperty: k }, 'must NOT have additional properties');
      }
    }
    for (const { name, p, re } of props) {
      const raw = obj[name];
      if (raw === undefined) continue;
      const path = `/${name}`;
      const at = `#/properties/${name}`;
      if (p.type === 'string') {
        const v = toText(raw);
        if (v === undefined) return fail('type', path, `${at}/type`, { type: 'string' }, 'must be string');
        obj[name] = v;
        if (p.enum !== undefined && !p.enum.includes(v)) return fail('enum', path, `${at}/enum`, { allowedValues: p.enum }, 'must be equal to one of the allowed values');
        const len = p.maxLength !== undefined || p.minLength !== undefined ? codePoints(v) : 0;
        if (p.maxLength !== undefined && len > p.maxLength) return fail('maxLength', path, `${at}/maxLength`, { limit: p.maxLength }, `must NOT have more than ${p.maxLength} characters`);
        if (p.minLength !== undefined && len < p.minLength) return fail('minLength', path, `${at}/minLength`, { limit: p.minLength }, `must NOT have fewer than ${p.minLength} characters`);
        if (re !== null && !re.test(v)) return fail('pattern', path, `${at}/pattern`, { pattern: p.pattern }, `must match pattern "${p.pattern}"`);
      } else {
        const v = toNumber(raw, p.type === 'integer');
        if (v === undefined) return fail('type', path, `${at}/type`, { type: p.type }, `must be ${p.type}`);
        obj[name] = v;
        if (p.maximum !== undefined && !(v <= p.maximum)) return fail('maximum', path, `${at}/maximum`, { comparison: '<=', limit: p.maximum }, `must be <= ${p.maximum}`);
        if (p.minimum !== undefined && !(v >= p.minimum)) return fail('minimum', path, `${at}/minimum`, { comparison: '>=', limit: p.minimum }, `must be >= ${p.minimum}`);
      }
    }
    return true;
  }) as QueryValidator;
  validate.errors = null;
  return validate;
}
