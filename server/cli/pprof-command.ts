import { writeFileSync } from 'node:fs';
import { blockingProfile, PROFILE_KINDS, type ProfileKind } from '../model/blocking-profile.ts';
import { buildModel } from '../model/build-model.ts';
import { encodePprof } from '../model/pprof-writer.ts';
import { windowFromArgs } from './time-window.ts';

/** `gotrace-view pprof net|sync|syscall|sched TRACE -o FILE [--from T] [--to T]`: a blocking profile for `go tool pprof`. */
export function runPprof(kind: string, file: string, args: string[]): number {
  if (!(PROFILE_KINDS as readonly string[]).includes(kind)) {
    process.stderr.write(`unknown profile "${kind}": use net, sync, syscall or sched\n`);
    return 2;
  }
  const oi = args.findIndex((a) => a === '-o' || a === '--out' || a.startsWith('-o=') || a.startsWith('--out='));
  const out = oi < 0 ? undefined : args[oi].includes('=') ? args[oi].split('=')[1] : args[oi + 1];
  if (!out) {
    process.stderr.write('pprof needs -o FILE\n');
    return 2;
  }
  const model = buildModel(file);
  if (model.salvage) process.stderr.write(`warning: ${model.salvage.message}\n`);
  const w = windowFromArgs(args);
  const records = blockingProfile(model, kind as ProfileKind, w.fromNs ?? 0, w.toNs ?? model.endNs);
  writeFileSync(out, encodePprof(model, records));
  const total = records.reduce((n, r) => n + r.delayNs, 0);
  process.stderr.write(`wrote ${out}: ${records.length} stacks, total delay ${(total / 1e6).toFixed(3)} ms\n`);
  return 0;
}
