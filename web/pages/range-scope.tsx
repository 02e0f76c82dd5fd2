import { formatDurationNs, formatTimestampNs } from '../render/format-time.ts';
import { useStore } from '../hooks/use-store.ts';
import type { TraceSession } from '../state/trace-session.ts';

/** Says which time range an analysis covers, with a way back to the whole trace and to the timeline. */
export function RangeScope({ session }: { session: TraceSession }) {
  const range = useStore(session.ui, (s) => s.range);
  const selection = useStore(session.ui, (s) => s.selection);
  return (
    <div className="range-scope" data-testid="range-scope">
      {range ? (
        <>
          Range {formatTimestampNs(range.startNs)} – {formatTimestampNs(range.endNs)} ({formatDurationNs(range.endNs - range.startNs)}){' '}
          <button onClick={() => session.ui.update((s) => ({ ...s, range: null }))}>Whole trace</button>{' '}
          <button
            onClick={() => {
              session.ui.update((s) => ({ ...s, page: 'timeline', selection: range }));
              session.viewport.fit(range.startNs, range.endNs);
              session.details.loadRange(range);
            }}
          >
            Show on the timeline
          </button>
        </>
      ) : (
        <>
          Whole trace ({formatDurationNs(session.summary.durationNs)}){' '}
          {selection && (
            <button onClick={() => session.ui.update((s) => ({ ...s, range: selection }))} data-testid="scope-to-selection">
              Only the selected range ({formatDurationNs(selection.endNs - selection.startNs)})
            </button>
          )}
        </>
      )}
    </div>
  );
}
