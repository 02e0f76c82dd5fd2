/**
 * Time and size text: durations with three significant digits ("1.23 ms"),
 * axis labels precise enough for the tick step ("1.23456 s"), byte counts.
 */
const UNITS: [string, number][] = [
  ['s', 1e9],
  ['ms', 1e6],
  ['µs', 1e3],
  ['ns', 1],
];

function unitFor(absNs: number): [string, number] {
  for (const u of UNITS) if (absNs >= u[1]) return u;
  return UNITS[UNITS.length - 1];
}

/** A duration with about three significant digits: 0 ns, 850 ns, 1.23 µs, 45.6 ms, 12.3 s. */
export function formatDurationNs(ns: number): string {
  if (!Number.isFinite(ns)) return '–';
  if (ns === 0) return '0 ns';
  const [unit, scale] = unitFor(Math.abs(ns));
  const v = ns / scale;
  const abs = Math.abs(v);
  const digits = unit === 'ns' ? 0 : abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return `${v.toFixed(digits)} ${unit}`;
}

/**
 * An axis label for time `ns` when ticks are `stepNs` apart: the unit follows
 * the size of the time, the decimals follow the step, so neighbouring labels
 * always differ ("1.23456 s", "1.23457 s").
 */
export function formatTickNs(ns: number, stepNs: number): string {
  if (ns === 0) return '0';
  const [unit, scale] = unitFor(Math.abs(ns));
  const ratio = stepNs / scale;
  const decimals = ratio >= 1 ? 0 : Math.min(9, Math.ceil(-Math.log10(ratio) - 1e-9));
  return `${(ns / scale).toFixed(decimals)} ${unit}`;
}

/** A time since the trace start, precise to the ns for detail panels: "1.234567890 s". */
export function formatTimestampNs(ns: number): string {
  if (Math.abs(ns) < 1e3) return `${Math.round(ns)} ns`;
  const [unit, scale] = unitFor(Math.abs(ns));
  const decimals = Math.round(Math.log10(scale));
  return `${(ns / scale).toFixed(decimals)} ${unit}`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${Math.round(v)} B` : `${v.toFixed(v >= 100 ? 0 : 1)} ${BYTE_UNITS[i]}`;
}

/** A count with thin-space thousands: 12 345. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US').replace(/,/g, '\u2009');
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–';
  const p = fraction * 100;
  return `${p >= 10 || p === 0 ? p.toFixed(0) : p.toFixed(1)}%`;
}
