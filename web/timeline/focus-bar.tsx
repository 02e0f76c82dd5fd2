import { useStore } from '../hooks/use-store.ts';
import { formatCount } from '../render/format-time.ts';
import type { TraceSession } from '../state/trace-session.ts';

/** Under the toolbar while "Show only related" filters the goroutine section: what is shown, and the way back to every goroutine. */
export function FocusBar({ session }: { session: TraceSession }) {
  const goroutine = useStore(session.ui, (s) => s.focus);
  const state = useStore(session.focus.store);
  if (goroutine === null) return null;
  let text: string;
  if (state.status === 'done') {
    const n = state.focus.relatedCount;
    text = `Showing G${goroutine} and ${formatCount(n)} related goroutine${n === 1 ? '' : 's'}`;
    if (state.focus.truncated) text += ' (the first of each relation; more were left out)';
  } else if (state.status === 'error') text = state.message;
  else text = `Finding the goroutines related to G${goroutine}…`;
  return (
    <div className="focus-bar" data-testid="focus-bar" role="status">
      <span data-testid="focus-text">{text}</span>
      {' — '}
      <button className="link" data-testid="focus-clear" onClick={() => session.ui.update((s) => ({ ...s, focus: null }))}>
        show all
      </button>
    </div>
  );
}
