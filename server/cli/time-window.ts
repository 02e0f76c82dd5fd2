/**
 * Parses --from/--to values: plain nanoseconds ("1500000") or Go-style
 * durations ("1.5ms", "2s", "1m3.5s", "750µs", "750us").
 */
export function parseDurationNs(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  const unit: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    total += Number(m[1]) * unit[m[2]];
    matched = re.lastIndex;
  }
  if (matched !== text.length || text.length === 0) throw new Error(`bad duration "${text}" (use e.g. 1500000, 1.5ms, 2s)`);
  return Math.round(total);
}

export interface Window {
  fromNs?: number;
  toNs?: number;
}

/** Reads --from X / --to Y (or --from=X) out of args. */
export function windowFromArgs(args: string[]): Window {
  const w: Window = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2);
    if (flag !== '--from' && flag !== '--to') continue;
    const value = inline ?? args[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a time`);
    if (flag === '--from') w.fromNs = parseDurationNs(value);
    else w.toNs = parseDurationNs(value);
  }
  return w;
}
