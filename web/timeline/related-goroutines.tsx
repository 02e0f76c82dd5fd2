import type { RelatedGoroutine, RelatedList } from '../../shared/related-api.ts';
import { useAsync, useStore } from '../hooks/use-store.ts';
import { formatCount, formatTimestampNs } from '../render/format-time.ts';
import { revealGoroutine } from '../state/reveal-goroutine.ts';
import type { TraceSession } from '../state/trace-session.ts';

/** Goroutines listed per relation in the panel (the rest is "+N more"; "Show only related" lays out up to FOCUS_LIMIT). */
export const RELATED_PANEL_LIMIT = 20;

function GoroutineLink({ session, g, what }: { session: TraceSession; g: RelatedGoroutine; what: string }) {
  return (
    <button
      className="link related-link"
      data-testid="related-link"
      data-goroutine={g.id}
      title={`G${g.id} ${g.groupName}: ${what} at ${formatTimestampNs(g.firstNs)}${g.count > 1 ? ` (first of ${g.count})` : ''}`}
      onClick={() => void revealGoroutine(session, g.id, { groupName: g.groupName, timeNs: g.firstNs })}
    >
      G{g.id}
      {g.count > 1 && <span className="muted"> ×{formatCount(g.count)}</span>}
    </button>
  );
}

function Relation({ session, title, list, what, testId }: { session: TraceSession; title: string; list: RelatedList; what: string; testId: string }) {
  if (list.total === 0) return null;
  const more = list.total - list.goroutines.length;
  return (
    <tr data-testid={testId}>
      <th>
        {title} ({formatCount(list.total)})
      </th>
      <td className="related-list">
        {list.goroutines.map((g) => (
          <GoroutineLink key={g.id} session={session} g={g} what={what} />
        ))}
        {more > 0 && <span className="muted"> +{formatCount(more)} more</span>}
      </td>
    </tr>
  );
}

/**
 * The goroutines a goroutine interacts with (go tool trace's goroutine view,
 * /trace?goid=N): its creator, those it created, those that unblocked it and
 * those it unblocked, most frequent first, each a link to its lane; and
 * "Show only related", which keeps only these lanes in the goroutine section.
 */
export function RelatedGoroutinesSection({ session, goroutine }: { session: TraceSession; goroutine: number }) {
  const load = useAsync(String(goroutine), (signal) => session.api.related(goroutine, RELATED_PANEL_LIMIT, signal));
  const focused = useStore(session.ui, (s) => s.focus === goroutine);
  const r = load.status === 'done' ? load.value : null;
  const none = r !== null && !r.creator && r.created.total + r.unblockedBy.total + r.unblocked.total === 0;
  return (
    <section className="related-goroutines" data-testid="related-goroutines">
      <h3>Related goroutines</h3>
      {load.status === 'loading' && <p className="muted">Loading…</p>}
      {load.status === 'error' && <p className="error-text">{load.message}</p>}
      {none && <p className="muted">None: nothing in the trace created, unblocked or was unblocked by G{goroutine}.</p>}
      {r && !none && (
        <table className="facts">
          <tbody>
            {r.creator && (
              <tr data-testid="related-creator">
                <th>Created by</th>
                <td className="related-list">
                  <GoroutineLink session={session} g={r.creator} what="created it" />
                </td>
              </tr>
            )}
            <Relation session={session} title="Created" list={r.created} what="created" testId="related-created" />
            <Relation session={session} title="Unblocked by" list={r.unblockedBy} what="unblocked it" testId="related-unblocked-by" />
            <Relation session={session} title="Unblocked" list={r.unblocked} what="unblocked" testId="related-unblocked" />
          </tbody>
        </table>
      )}
      {r && !none && (
        <div className="panel-actions">
          <button
            disabled={focused}
            data-testid="show-only-related"
            title="Keep only this goroutine and its related goroutines in the goroutine section of the timeline"
            onClick={() => session.ui.update((s) => ({ ...s, focus: goroutine }))}
          >
            {focused ? 'Showing only related' : 'Show only related'}
          </button>
        </div>
      )}
    </section>
  );
}
