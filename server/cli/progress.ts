import { formatBytes } from '../trace/salvage.ts';

/**
 * A one-line progress bar on stderr: phase, bytes, percent, time left.
 * Redraws at most every 100 ms; prints nothing when stderr is not a terminal
 * except a final summary line.
 */
export class ProgressBar {
  private last = 0;
  private readonly started = Date.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(private readonly totalBytes: number) {}

  update(phase: string, bytes: number): void {
    const now = Date.now();
    if (!this.tty || now - this.last < 100) return;
    this.last = now;
    const frac = this.totalBytes > 0 ? Math.min(1, bytes / this.totalBytes) : 1;
    const width = 24;
    const filled = Math.round(frac * width);
    const elapsed = (now - this.started) / 1000;
    const left = frac > 0.02 ? Math.max(0, elapsed / frac - elapsed) : NaN;
    const eta = Number.isNaN(left) ? '' : ` ~${left.toFixed(left < 10 ? 1 : 0)}s left`;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    process.stderr.write(`\r${phase.padEnd(9)} ${bar} ${(frac * 100).toFixed(0).padStart(3)}% ${formatBytes(bytes)} / ${formatBytes(this.totalBytes)}${eta}   `);
  }

  done(message: string): void {
    if (this.tty) process.stderr.write('\r\x1b[K');
    process.stderr.write(`${message} (${((Date.now() - this.started) / 1000).toFixed(2)} s)\n`);
  }
}
