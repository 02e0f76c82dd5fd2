import { buildModel } from '../model/build-model.ts';
import { analyzeGoroutines } from '../model/goroutine-analysis.ts';
import { windowFromArgs } from './time-window.ts';

/**
 * `gotrace-view goroutines TRACE [--json] [--from T] [--to T] [--group NAME]`:
 * go tool trace's goroutine analysis, for the whole trace or a time window.
 */
export function runGoroutines(file: string, args: string[]): number {
  const model = buildModel(file);
  const w = windowFromArgs(args);
  const gi = args.indexOf('--group');
  const group = gi >= 0 ? args[gi + 1] : undefined;
  const a = analyzeGoroutines(model, w.fromNs ?? 0, w.toNs ?? model.endNs, group);
  if (model.salvage) process.stderr.write(`warning: ${model.salvage.message}\n`);
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify({ fromNs: a.fromNs, toNs: a.toNs, groups: a.groups, goroutines: a.goroutines }, null, 1) + '\n');
    return 0;
  }
  const ms = (ns: number) => (ns / 1e6).toFixed(3).padStart(12);
  const lines = ['start function                                        count   exec ms   share'];
  for (const gr of a.groups) lines.push(`${(gr.name || '(inactive, no stack)').padEnd(50)} ${String(gr.count).padStart(6)} ${ms(gr.execNs)} ${(gr.execShare * 100).toFixed(2).padStart(6)}%`);
  if (group !== undefined) {
    lines.push('', `goroutine      total ms     exec ms    sched ms  syscall ms  blocked (reason ms)`);
    for (const g of a.goroutines) {
      const blocked = Object.entries(g.blockNs).map(([r, d]) => `${r || '?'}=${(d / 1e6).toFixed(3)}`).join(' ');
      lines.push(`${String(g.id).padEnd(10)} ${ms(g.totalNs)}${ms(g.execNs)}${ms(g.schedWaitNs)}${ms(g.syscallNs)}  ${blocked}`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
