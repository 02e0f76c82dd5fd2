import { formatDurationNs, formatPercent } from '../render/format-time.ts';
import { reasonColour, STATE_COLOURS, UNKNOWN_COLOUR } from '../render/palette.ts';
import { SpanState } from '../../shared/states.ts';

export interface RatioPart {
  name: string;
  ns: number;
  colour: string;
}

const NAMED: Record<string, string> = {
  running: STATE_COLOURS[SpanState.Running],
  execution: STATE_COLOURS[SpanState.Running],
  exec: STATE_COLOURS[SpanState.Running],
  runnable: STATE_COLOURS[SpanState.Runnable],
  'sched wait': STATE_COLOURS[SpanState.Runnable],
  schedWait: STATE_COLOURS[SpanState.Runnable],
  syscall: STATE_COLOURS[SpanState.Syscall],
  'syscall execution': STATE_COLOURS[SpanState.Syscall],
  blocked: '#d64550',
  unknown: UNKNOWN_COLOUR,
};

/** Colour of a state or time category by name ("running", "sched wait", a block reason …). */
export function stateColour(name: string): string {
  return NAMED[name] ?? reasonColour(name);
}

/** A horizontal bar split by share of time (hover for the numbers). */
export function RatioBar({ parts, widthPx }: { parts: RatioPart[]; widthPx?: number }) {
  const total = parts.reduce((a, p) => a + Math.max(0, p.ns), 0);
  return (
    <div className="ratio-bar" style={widthPx ? { width: widthPx } : undefined} data-testid="ratio-bar">
      {total > 0 &&
        parts
          .filter((p) => p.ns > 0)
          .map((p) => (
            <span key={p.name} style={{ flexGrow: p.ns / total, background: p.colour }} title={`${p.name}: ${formatDurationNs(p.ns)} (${formatPercent(p.ns / total)})`} />
          ))}
    </div>
  );
}
