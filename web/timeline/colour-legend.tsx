import { SpanState } from '../../shared/states.ts';
import { LOG_COLOUR, REASON_FAMILIES, REGION_COLOURS, SAMPLE_COLOUR, STATE_COLOURS } from '../render/palette.ts';

const STATES: [string, string][] = [
  ['running', STATE_COLOURS[SpanState.Running]],
  ['runnable (waiting for a P)', STATE_COLOURS[SpanState.Runnable]],
  ['in a syscall', STATE_COLOURS[SpanState.Syscall]],
  ['in a syscall that lost its P', STATE_COLOURS[SpanState.SyscallBlocked]],
  ['waiting, other reasons', STATE_COLOURS[SpanState.Waiting]],
  ['GC mark phase', STATE_COLOURS[SpanState.GCMark]],
  ['stop-the-world (GC lane, lower half)', STATE_COLOURS[SpanState.STW]],
];

/** What the timeline's colours mean: goroutine states, wait reasons, GC. Proc lanes use one colour per goroutine group. */
export function ColourLegend() {
  return (
    <section className="colour-legend" data-testid="colour-legend">
      <h3>Colours</h3>
      <div className="legend-columns">
        <div>
          {STATES.map(([name, c]) => (
            <div key={name} className="legend-item">
              <i style={{ background: c }} /> {name}
            </div>
          ))}
        </div>
        <div>
          {REASON_FAMILIES.map((f) => (
            <div key={f.name} className="legend-item">
              <i style={{ background: f.colour }} /> waiting: {f.name}
            </div>
          ))}
          <div className="muted">Proc and thread lanes: one colour per goroutine group (the swatch by each group).</div>
        </div>
        <div data-testid="legend-annotations" style={{ gridColumn: '1 / -1' }}>
          <div className="legend-item">
            {REGION_COLOURS.slice(0, 3).map((c) => (
              <i key={c} style={{ background: c }} />
            ))}{' '}
            user region: thin bars under a goroutine’s states, one row per nesting level, one colour per region name
          </div>
          <div className="legend-item">
            <i style={{ background: SAMPLE_COLOUR, width: 3 }} /> CPU profile sample: a tick at the top of the lane (goroutine, proc, thread)
          </div>
          <div className="legend-item">
            <i style={{ background: LOG_COLOUR, transform: 'rotate(45deg) scale(0.7)' }} /> log message (trace.Log): a diamond at the top of the goroutine’s lane
          </div>
          <div className="muted">Hover for the name or message; click for the task, stacks and time.</div>
        </div>
      </div>
    </section>
  );
}
