import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTrace } from '../../server/trace/open-trace.ts';
import { TraceError } from '../../server/trace/trace-error.ts';
import { FIXTURE_TRACES } from '../helpers/paths.ts';

/** mulberry32: a small seeded PRNG, so every failure reproduces from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (b: Uint8Array, r: () => number) => Uint8Array;
const int = (r: () => number, n: number) => Math.floor(r() * n);
const MUTATIONS: [string, Mutation][] = [
  ['flip a bit', (b, r) => { const c = Uint8Array.from(b); const i = int(r, c.length); c[i] ^= 1 << int(r, 8); return c; }],
  ['random byte', (b, r) => { const c = Uint8Array.from(b); c[int(r, c.length)] = int(r, 256); return c; }],
  ['several random bytes', (b, r) => { const c = Uint8Array.from(b); for (let k = 0; k < 8; k++) c[int(r, c.length)] = int(r, 256); return c; }],
  ['truncate', (b, r) => b.slice(0, int(r, b.length))],
  ['delete a chunk', (b, r) => { const i = int(r, b.length); const n = int(r, 64) + 1; return Uint8Array.from([...b.subarray(0, i), ...b.subarray(i + n)]); }],
  ['duplicate a chunk', (b, r) => { const i = int(r, b.length); const n = int(r, 256) + 1; return Uint8Array.from([...b.subarray(0, i + n), ...b.subarray(i)]); }],
  ['insert a long varint', (b, r) => { const i = 16 + int(r, b.length - 16); return Uint8Array.from([...b.subarray(0, i), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, ...b.subarray(i)]); }],
  ['zero a run', (b, r) => { const c = Uint8Array.from(b); const i = int(r, c.length); c.fill(0, i, i + int(r, 32)); return c; }],
];

// Small fixtures of every format family; the fuzz budget is per seed so CI runs thousands of inputs.
const SEEDS = ['mutex-go1.19.trace', 'cpuprofile-go1.21.trace', 'cpuprofile-go1.22.trace', 'mutex-go1.23.trace', 'cpuprofile-go1.25.trace', 'mutex-go1.26.trace'];
const CASES_PER_SEED = Number(process.env.FUZZ_CASES ?? 600);

describe('seeded fuzzing: mutated and truncated traces', () => {
  it.each(SEEDS)('%s: only TraceError escapes, and reading always ends', (name) => {
    const original = new Uint8Array(readFileSync(join(FIXTURE_TRACES, name)));
    const r = rng(name.length * 7919 + original.length);
    const seen = new Map<string, number>();
    for (let i = 0; i < CASES_PER_SEED; i++) {
      const [what, mutate] = MUTATIONS[i % MUTATIONS.length];
      const input = mutate(original, r);
      let events = 0;
      // A reader that produced more events than bytes × 3 is looping: each event
      // costs at least one byte; the converters add at most two per input event.
      const bound = input.length * 3 + 16;
      try {
        const t = openTrace(input);
        while (t.events.next() !== null) {
          if (++events > bound) throw new Error(`case ${i} (${what}): more than ${bound} events from ${input.length} bytes`);
        }
      } catch (e) {
        if (!(e instanceof TraceError)) {
          throw new Error(`case ${i} (${what}) of ${name}: ${e instanceof Error ? e.stack : String(e)}`);
        }
        expect(e.offset).toBeGreaterThanOrEqual(0);
        seen.set(e.code, (seen.get(e.code) ?? 0) + 1);
      }
    }
    // The mutations must actually reach the decoder: several kinds of errors show up.
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});
