/**
 * Reading the MMU answers leniently: the curve's points are [windowNs, v1, v2, …]
 * and the quantiles name the values, either including the MMU itself as
 * quantile 0 (go tool trace's plot JSON) or after it (one more value than
 * quantiles); worst windows come as {startNs, durationNs, util} or as Go's
 * {timeNs, mutatorUtil}, alone or under `windows`.
 */
import type { MmuWindow } from '../../shared/api.ts';

function quantileName(q: number): string {
  if (q === 0) return 'MMU';
  const p = (1 - q) * 100;
  return `${Number.isInteger(Math.round(p * 10) / 10) ? Math.round(p) : (Math.round(p * 10) / 10).toString()}th percentile MU`;
}

/** Names of the curve's value columns (1 … n), in order. */
export function mmuSeriesNames(curve: readonly number[][], quantiles: readonly number[] | null | undefined): string[] {
  const cols = Math.max(1, (curve[0]?.length ?? 2) - 1);
  const qs = quantiles ?? [];
  const names = qs.length === cols ? qs.map(quantileName) : ['MMU', ...qs.map(quantileName)];
  while (names.length < cols) names.push(`series ${names.length + 1}`);
  return names.slice(0, cols);
}

type RawWindow = Partial<MmuWindow> & { timeNs?: number; mutatorUtil?: number };

export function normalizeMmuWindows(raw: unknown, windowNs: number): MmuWindow[] {
  const list = (Array.isArray(raw) ? raw : ((raw as { windows?: unknown })?.windows ?? [])) as RawWindow[];
  if (!Array.isArray(list)) return [];
  return list.map((w) => ({
    startNs: w.startNs ?? w.timeNs ?? 0,
    durationNs: w.durationNs ?? windowNs,
    util: w.util ?? w.mutatorUtil ?? 0,
  }));
}
