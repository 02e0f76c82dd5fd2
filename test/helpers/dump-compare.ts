/**
 * Comparing our dump with the oracle's.
 *
 * Generational traces (go 1.22+) must match line for line: Go's reader is
 * deterministic there.
 *
 * Old-format traces (go 1.11/1.19/1.21) cannot: Go's v1 parser walks a Go map
 * of procs and a map of goroutines created at trace start, so events with equal
 * time stamps come out in a random order from run to run (run the oracle twice
 * on stress_1_11_good and the dumps differ). Equal stamps are then pushed 1 ns
 * apart, so such a tie group becomes a run of consecutive nanoseconds. For
 * those traces we compare run by run: the same runs at the same times, and in
 * each run the same events (with stack names replaced by their frames, since
 * S<k> numbering follows print order), in any order.
 */

export interface Mismatch {
  line: number;
  want: string;
  got: string;
}

export function compareExact(want: string[], got: string[]): Mismatch | null {
  const n = Math.max(want.length, got.length);
  for (let i = 0; i < n; i++) {
    if (want[i] !== got[i]) return { line: i + 1, want: want[i] ?? '<end>', got: got[i] ?? '<end>' };
  }
  return null;
}

interface Run {
  start: number;
  events: string[];
}

/** Splits a dump into runs of consecutive-nanosecond events, stacks resolved. */
function runs(lines: string[]): Run[] {
  const stacks = new Map<string, string>();
  const out: Run[] = [];
  let last = Number.NaN;
  for (const line of lines) {
    const def = /^(S\d+)(?: (.*))?$/.exec(line);
    if (def) {
      stacks.set(def[1], `[${def[2] ?? ''}]`);
      continue;
    }
    const sp = line.indexOf(' ');
    const t = Number(line.slice(0, sp));
    const body = line.slice(sp + 1).replace(/\b(t?stack)=(S\d+)/g, (_, k: string, s: string) => `${k}=${stacks.get(s) ?? s}`);
    if (t !== last + 1 || out.length === 0) out.push({ start: t, events: [] });
    out[out.length - 1].events.push(body);
    last = t;
  }
  return out;
}

export function compareTieTolerant(want: string[], got: string[]): Mismatch | null {
  const a = runs(want);
  const b = runs(got);
  let line = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.start !== y.start || x.events.length !== y.events.length) {
      return { line, want: x ? `${x.start} ${x.events[0]} (run of ${x.events.length})` : '<end>', got: y ? `${y.start} ${y.events[0]} (run of ${y.events.length})` : '<end>' };
    }
    const xs = [...x.events].sort();
    const ys = [...y.events].sort();
    for (let k = 0; k < xs.length; k++) {
      if (xs[k] !== ys[k]) return { line: line + k, want: `${x.start}+ ${xs[k]}`, got: `${y.start}+ ${ys[k]}` };
    }
    line += x.events.length;
  }
  return null;
}
