import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTrace } from '../../server/trace/open-trace.ts';
import { TraceError, type TraceErrorCode } from '../../server/trace/trace-error.ts';
import { corpusEntries } from '../helpers/corpus.ts';
import { CORPUS_AVAILABLE, FIXTURE_TRACES } from '../helpers/paths.ts';
import { dumpTrace } from '../helpers/read-all.ts';

const tmp = mkdtempSync(join(tmpdir(), 'gtv-bad-'));
function file(name: string, bytes: Uint8Array | string): string {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
}

function openError(path: string): TraceError {
  try {
    const t = openTrace(path);
    t.close();
  } catch (e) {
    if (e instanceof TraceError) return e;
    throw e;
  }
  throw new Error(`opening ${path} did not fail`);
}

describe('each kind of bad input gets its own clear error', () => {
  const cases: [string, () => string, TraceErrorCode, RegExp][] = [
    ['a missing file', () => join(tmp, 'nope.trace'), 'NOT_A_FILE', /cannot open/],
    ['a directory', () => tmp, 'NOT_A_FILE', /not a regular file/],
    ['an empty file', () => file('empty.trace', ''), 'EMPTY_FILE', /empty file/],
    ['a file that is not a trace', () => file('text.trace', 'hello, this is not a trace at all'), 'BAD_MAGIC', /not a Go execution trace/],
    ['a go 1.5 header', () => file('old.trace', 'go 1.5 trace\0\0\0\0' + 'x'.repeat(10)), 'UNSUPPORTED_VERSION', /go 1\.5.*Go 1\.10 or older/],
    ['a future header', () => file('new.trace', 'go 1.99 trace\0\0\0'), 'UNSUPPORTED_VERSION', /go 1\.99.*newer/],
    ['a cut-off header', () => file('short.trace', 'go 1.2'), 'TRUNCATED', /header/],
  ];
  it.each(cases)('%s', (_, make, code, message) => {
    const path = make();
    const e = openError(path);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.format()).toBe(`${path}: offset 0x${e.offset.toString(16)}: ${e.detail}`);
  });
});

describe('a damaged generational trace fails with a code and the offset of the damage', () => {
  const good = readFileSync(join(FIXTURE_TRACES, 'mutex-go1.23.trace'));
  it('a batch header byte that is not a batch', () => {
    const bytes = Uint8Array.from(good);
    bytes[16] = 0x77;
    const { error } = dumpTrace(bytes);
    expect(error?.code).toBe('BAD_BATCH');
    expect(error?.offset).toBe(16);
    expect(error?.message).toMatch(/expected batch event, got event 119/);
  });
  it('a batch that claims more than 64 KiB', () => {
    const bytes = Uint8Array.from(good);
    // gen=1, m, time, then the size: find the first batch's size field by re-encoding it as huge.
    const { error } = dumpTrace(Uint8Array.from([...good.subarray(0, 17), 1, 1, 1, 0xff, 0xff, 0x7f]));
    expect(error?.code).toBe('BAD_BATCH');
    expect(error?.message).toMatch(/invalid batch size 2097151, maximum is 65536/);
    void bytes;
  });
});

describe.skipIf(!CORPUS_AVAILABLE)('every error file of the corpus gets a typed error with code and offset', () => {
  const errors = corpusEntries().filter((e) => !e.ok);
  it.each(errors.map((e) => [e.file, e] as const))('%s', (_, e) => {
    const { error } = dumpTrace(e.path);
    expect(error, `Go: ${e.goError}`).toBeInstanceOf(TraceError);
    expect(error!.code).toMatch(/^[A-Z_]+$/);
    expect(error!.offset).toBeGreaterThanOrEqual(0);
    expect(error!.offset).toBeLessThanOrEqual(readFileSync(e.path).length);
    expect(error!.detail.length).toBeGreaterThan(10);
  });
});
