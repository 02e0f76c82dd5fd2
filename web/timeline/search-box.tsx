import { useEffect, useRef, type KeyboardEvent } from 'react';
import { searchHitTitle, type SearchHit } from '../../shared/search-api.ts';
import { useStore } from '../hooks/use-store.ts';
import { formatDurationNs, formatTimestampNs } from '../render/format-time.ts';
import { revealSearchHit } from '../state/reveal-search-hit.ts';
import { searchSummary } from '../state/search-state.ts';
import type { TraceSession } from '../state/trace-session.ts';

const KIND_LABELS: Record<SearchHit['kind'], string> = { goroutine: 'G', group: 'group', task: 'task', region: 'region', log: 'log' };

/** Where a result is, in a few words: a lifetime, a time, a group's size. */
function whereOf(h: SearchHit): string {
  switch (h.kind) {
    case 'goroutine':
      return `${formatTimestampNs(h.startNs)}, ${formatDurationNs(h.endNs - h.startNs)}`;
    case 'group':
      return `${h.count.toLocaleString('en-US')} goroutines`;
    case 'task':
    case 'region':
      return `${formatTimestampNs(h.startNs)}, ${formatDurationNs(h.endNs - h.startNs)}`;
    case 'log':
      return formatTimestampNs(h.timeNs);
  }
}

/**
 * The toolbar's search box (`/`, like go tool trace's): typing asks the
 * server, the results list under the box, Enter shows the next result
 * (Shift+Enter the previous), ↓ ↑ move through the list, a click shows one,
 * Esc closes. Focus stays in the box, so Enter keeps stepping.
 */
export function SearchBox({ session }: { session: TraceSession }) {
  const search = session.search;
  const s = useStore(search.store);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const show = (hit: SearchHit) => void revealSearchHit(session, hit);

  // `/` opens the box from anywhere on the timeline.
  useEffect(() => {
    const input = inputRef.current;
    if (s.open && input && document.activeElement !== input) {
      input.focus();
      input.select();
    }
  }, [s.open]);
  // The highlighted result stays in the list's view.
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [s.active]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      search.key(e.key, e.shiftKey, show);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      search.close();
      inputRef.current?.blur();
    }
  };
  const results = s.response?.results ?? [];
  const listed = s.open && s.query.trim() !== '';
  return (
    <div className="search-box" data-testid="search-box">
      <input
        ref={inputRef}
        type="search"
        value={s.query}
        placeholder="Search (/)"
        aria-label="Search goroutines, groups, tasks, regions and logs"
        title="Goroutine id (G123 or 123), start function, label, task id (T7) or type, region name, log message or category; Enter steps through the results"
        spellCheck={false}
        data-testid="search-input"
        onChange={(e) => void search.setQuery(e.target.value)}
        onFocus={() => search.open()}
        onBlur={() => search.close()}
        onKeyDown={onKeyDown}
      />
      {listed && (
        <div className="search-popup" data-testid="search-popup" onMouseDown={(e) => e.preventDefault()}>
          {s.status === 'loading' && !s.response && <p className="muted">Searching…</p>}
          {s.status === 'error' && <p className="error-text">{s.message}</p>}
          {s.response && (
            <p className="muted search-summary" data-testid="search-summary">
              {searchSummary(s.response)}
              {results.length > 0 && ' · Enter: next, Shift+Enter: previous'}
            </p>
          )}
          {results.length > 0 && (
            <ul ref={listRef} role="listbox" className="search-results" data-testid="search-results">
              {results.map((h, i) => (
                <li key={`${h.kind}:${i}`} role="option" aria-selected={i === s.active} data-testid="search-result" data-kind={h.kind} className={i === s.active ? 'active' : ''} onClick={() => search.choose(i, show)}>
                  <span className={`search-kind search-kind-${h.kind}`}>{KIND_LABELS[h.kind]}</span>
                  <span className="search-title">{searchHitTitle(h)}</span>
                  <span className="search-where muted">{whereOf(h)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
