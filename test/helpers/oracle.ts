import { execFileSync } from 'node:child_process';
import { ORACLE_BIN } from './paths.ts';

export interface OracleDump {
  lines: string[];
  /** Go's error message, or null when the reader reached EOF. */
  error: string | null;
}

/** Runs the Go oracle (golang.org/x/exp/trace) on a trace: its canonical dump. */
export function oracleDump(file: string): OracleDump {
  let out: string;
  try {
    out = execFileSync(ORACLE_BIN, ['dump', file], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (e) {
    const err = e as { stdout?: Buffer; status?: number };
    if (err.status !== 1 || !err.stdout) throw e;
    out = err.stdout.toString();
  }
  const lines = out.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  // Go's error text may span several lines ("failed to advance: frontier: …"): it runs
  // from the first `error: ` line to the end of the output.
  const at = lines.findIndex((l) => l.startsWith('error: '));
  const error = at >= 0 ? lines.slice(at).join('\n').slice(7) : null;
  return { lines: at >= 0 ? lines.slice(0, at) : lines, error };
}

export function oracleStats(file: string): Record<string, unknown> {
  let out: string;
  try {
    out = execFileSync(ORACLE_BIN, ['stats', file], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (e) {
    const err = e as { stdout?: Buffer; status?: number };
    if (!err.stdout) throw e;
    out = err.stdout.toString();
  }
  return JSON.parse(out) as Record<string, unknown>;
}
