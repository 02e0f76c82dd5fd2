import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/model/build-model.ts';
import type { TraceModel } from '../../server/model/trace-model.ts';
import { openTracePipelined } from '../../server/trace/pipeline/pipelined-source.ts';
import { TraceError } from '../../server/trace/trace-error.ts';
import { FIXTURE_TRACES, REPO } from '../helpers/paths.ts';

// Built by the tests' global setup (scripts/build-server.mjs).
const WORKER = join(REPO, 'dist/server/parse-worker.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'gtv-pipe-'));

/** The model minus the interning tables, which the mirror fills differently (same ids, no content maps). */
function columns(m: TraceModel) {
  const { strings, stacks, ...rest } = m;
  return rest;
}

function expectSameModel(a: TraceModel, b: TraceModel): void {
  expect(columns(a)).toEqual(columns(b));
  expect(a.strings.all()).toEqual(b.strings.all());
  expect(a.stacks.stackCount).toBe(b.stacks.stackCount);
  for (let s = 0; s < a.stacks.stackCount; s++) {
    const fa = a.stacks.frames(s);
    expect(b.stacks.frames(s)).toEqual(fa);
    for (const f of fa) expect([b.stacks.pc(f), b.stacks.funcId(f), b.stacks.fileName(f), b.stacks.line(f)]).toEqual([a.stacks.pc(f), a.stacks.funcId(f), a.stacks.fileName(f), a.stacks.line(f)]);
  }
}

describe('model built with the parse in a worker thread', () => {
  for (const name of ['gcheavy-go1.26', 'annotations-go1.25', 'cpuprofile-go1.23', 'tcp-go1.22', 'mutex-go1.21', 'chansel-go1.19']) {
    it(`${name}: the same model as parsing on the main thread`, () => {
      const file = join(FIXTURE_TRACES, `${name}.trace`);
      expectSameModel(buildModel(file, { parseWorker: WORKER }), buildModel(file));
    });
  }

  it('truncated traces: the same salvaged model and report, or the same error when nothing is complete', () => {
    const bytes = readFileSync(join(FIXTURE_TRACES, 'chansel-go1.26.trace'));
    let salvaged = 0;
    for (const fraction of [0.3, 0.6, 0.8, 0.95]) {
      const file = join(tmp, `cut-${fraction}.trace`);
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * fraction)));
      let here: TraceModel;
      try {
        here = buildModel(file);
      } catch (e) {
        expect(e).toBeInstanceOf(TraceError);
        expect(() => buildModel(file, { parseWorker: WORKER })).toThrow((e as TraceError).message);
        continue;
      }
      const piped = buildModel(file, { parseWorker: WORKER });
      expect(piped.salvage).not.toBeNull();
      expect(piped.salvage).toEqual(here.salvage);
      expectSameModel(piped, here);
      salvaged++;
    }
    // chansel-go1.26 has two generations: the later cuts keep the first.
    expect(salvaged).toBeGreaterThan(0);
  });

  it('a file that is not a trace fails before any worker starts, with the same typed error', () => {
    const file = join(tmp, 'not-a-trace.bin');
    writeFileSync(file, 'hello, this is not a Go trace at all');
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return null;
    };
    const a = err(() => buildModel(file, { parseWorker: WORKER })) as TraceError;
    const b = err(() => buildModel(file)) as TraceError;
    expect(a).toBeInstanceOf(TraceError);
    expect([a.code, a.offset, a.file]).toEqual([b.code, b.offset, b.file]);
  });

  it('tells the caller each time it is about to wait for a block, with the bytes read so far (the model collects garbage then)', () => {
    const file = join(FIXTURE_TRACES, 'gcheavy-go1.26.trace');
    const waits: number[] = [];
    const t = openTracePipelined(file, WORKER, (bytes) => waits.push(bytes));
    let events = 0;
    try {
      while (t.events.next() !== null) events++;
    } finally {
      t.close();
    }
    // The worker starts after the first next(): that one waits at least.
    expect(waits.length).toBeGreaterThan(0);
    expect(waits[0]).toBe(0);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
    expect(events).toBe(buildModel(file).eventCount);
  });
});
