import type { TraceError } from './trace-error.ts';

/**
 * What survives a damaged trace. Like `go tool trace`, we keep every event up
 * to the last Sync before the error: whole generations, which are
 * self-contained, and report how much of the file was lost after them.
 */
export interface SalvageReport {
  /** Events kept: everything up to and including the last Sync before the error. */
  keptEvents: number;
  /** Complete generations among them. */
  keptGenerations: number;
  /** File bytes those generations span (header included). */
  validBytes: number;
  lostBytes: number;
  lostPercent: number;
  /** One line for humans: what was kept and what was lost. */
  message: string;
}

export function salvageReport(error: TraceError, keptEvents: number, keptSyncs: number, validBytes: number, size: number): SalvageReport {
  const keptGenerations = Math.max(0, keptSyncs - 1);
  const lostBytes = Math.max(0, size - validBytes);
  const lostPercent = size > 0 ? Math.round((lostBytes / size) * 1000) / 10 : 0;
  const where = `offset 0x${Math.max(0, error.offset).toString(16)}`;
  const message =
    keptGenerations > 0
      ? `trace damaged at ${where} (${error.detail}); kept ${keptGenerations} complete generation${keptGenerations === 1 ? '' : 's'} ` +
        `(${formatBytes(validBytes)}), lost ${formatBytes(lostBytes)} (${lostPercent}% of the file)`
      : `no complete generation before the damage at ${where}: ${error.detail}`;
  return { keptEvents, keptGenerations, validBytes, lostBytes, lostPercent, message };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}
