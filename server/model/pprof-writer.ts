import { gzipSync } from 'node:zlib';
import { Function as PFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import type { ProfileRecord } from './blocking-profile.ts';
import type { TraceModel } from './trace-model.ts';

/**
 * Encodes profile records as a gzipped pprof protobuf with go tool trace's
 * layout: sample types contentions/count and delay/nanoseconds, period type
 * trace/count, one location per PC, one function per (file, name).
 */
export function encodePprof(model: TraceModel, records: ProfileRecord[]): Uint8Array {
  const strings = new StringTable();
  const functions: PFunction[] = [];
  const locations: Location[] = [];
  const funcIds = new Map<string, number>();
  const locIds = new Map<number, number>();
  const samples: Sample[] = [];
  const st = model.stacks;
  for (const rec of records) {
    const locationId: number[] = [];
    const frames = st.frames(rec.stack);
    // Go keeps up to 129 frames (it appends, then checks the 128 limit).
    for (let i = 0; i < frames.length && i <= 128; i++) {
      const f = frames[i];
      const pc = st.pc(f);
      let loc = locIds.get(pc);
      if (loc === undefined) {
        const key = `${st.fileName(f)}\u0000${st.funcName(f)}`;
        let fn = funcIds.get(key);
        if (fn === undefined) {
          fn = functions.length + 1;
          const name = strings.dedup(st.funcName(f));
          functions.push(new PFunction({ id: fn, name, systemName: name, filename: strings.dedup(st.fileName(f)) }));
          funcIds.set(key, fn);
        }
        loc = locations.length + 1;
        locations.push(new Location({ id: loc, address: pc, line: [new Line({ functionId: fn, line: st.line(f) })] }));
        locIds.set(pc, loc);
      }
      locationId.push(loc);
    }
    samples.push(new Sample({ locationId, value: [rec.count, rec.delayNs] }));
  }
  const profile = new Profile({
    sampleType: [new ValueType({ type: strings.dedup('contentions'), unit: strings.dedup('count') }), new ValueType({ type: strings.dedup('delay'), unit: strings.dedup('nanoseconds') })],
    sample: samples,
    location: locations,
    function: functions,
    periodType: new ValueType({ type: strings.dedup('trace'), unit: strings.dedup('count') }),
    period: 1,
    stringTable: strings,
  });
  return gzipSync(profile.encode());
}
