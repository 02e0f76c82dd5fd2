import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusEntries } from '../helpers/corpus.ts';
import { compareExact, compareTieTolerant } from '../helpers/dump-compare.ts';
import { oracleDump } from '../helpers/oracle.ts';
import { CORPUS_AVAILABLE, FIXTURE_TRACES } from '../helpers/paths.ts';
import { dumpTrace } from '../helpers/read-all.ts';

/** Every event our reader yields equals what golang.org/x/exp/trace yields, in order. */
function expectSameAsOracle(path: string, oldFormat: boolean): void {
  const want = oracleDump(path);
  const got = dumpTrace(path);
  expect(want.error, `Go's reader failed on ${path}`).toBeNull();
  expect(got.error?.format() ?? null).toBeNull();
  const mismatch = oldFormat ? compareTieTolerant(want.lines, got.lines) : compareExact(want.lines, got.lines);
  expect(mismatch, `first difference from the oracle in ${path}`).toBeNull();
  expect(got.lines.length).toBe(want.lines.length);
}

const fixtures = readdirSync(FIXTURE_TRACES).filter((f) => f.endsWith('.trace')).sort();

describe('our dump equals the Go oracle on every committed fixture', () => {
  it('has fixtures for every format we claim', () => {
    for (const v of ['1.19', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26']) {
      expect(fixtures.some((f) => f.endsWith(`-go${v}.trace`)), `fixtures for go ${v}`).toBe(true);
    }
  });
  it.each(fixtures)('%s', (f) => {
    expectSameAsOracle(join(FIXTURE_TRACES, f), /-go1\.(19|21)\.trace$/.test(f));
  });
});

const okCorpus = corpusEntries().filter((e) => e.ok);
describe.skipIf(!CORPUS_AVAILABLE)('our dump equals the Go oracle on every ok corpus file', () => {
  it.each(okCorpus.map((e) => [e.file, e] as const))('%s', (_, e) => {
    expectSameAsOracle(e.path, !e.header.match(/go 1\.2[2-9]/));
  });
});
