/**
 * "Show only related": the goroutine section of the timeline keeps one
 * goroutine and the goroutines related to it (creator, created, unblockers,
 * unblocked: /api/goroutine/related), like go tool trace's goroutine view
 * (/trace?goid=N). The UI state holds only the goroutine id (`focus=g:N` in
 * the URL); this loader asks the server for its relations and turns them
 * into the lanes the layout keeps, per group, by position.
 */
import type { RelatedGoroutines } from '../../shared/related-api.ts';
import type { TraceApi } from '../data/api-client.ts';
import type { FocusMember } from './lane-layout.ts';
import { createStore, type Store } from './store.ts';
import type { UiStore } from './ui-store.ts';

/**
 * Goroutines asked per relation: 1 000 lanes are 18 000 px of rows, more
 * than anyone scrolls through; main of the 68 MB bench trace created 960 005,
 * which the bar then says were left out.
 */
export const FOCUS_LIMIT = 1000;

export interface LaneFocus {
  goroutine: number;
  /** Goroutines kept, by group index, each list by member (the focused goroutine included). */
  groups: ReadonlyMap<number, readonly FocusMember[]>;
  /** Related goroutines kept (the focused one not counted). */
  relatedCount: number;
  /** A relation had more goroutines than the limit: some related ones are not shown. */
  truncated: boolean;
  /** Where the focused goroutine is. */
  group: number;
  member: number;
}

export type FocusState =
  | { status: 'off' }
  | { status: 'loading'; goroutine: number }
  | { status: 'done'; focus: LaneFocus }
  | { status: 'error'; goroutine: number; message: string };

/** The lanes kept for an answer of /api/goroutine/related: the goroutine and every related one once, grouped and ordered as the layout lists them. */
export function laneFocusOf(r: RelatedGoroutines): LaneFocus {
  const byId = new Map<number, { group: number; member: number }>([[r.id, { group: r.group, member: r.member }]]);
  const lists = [r.created, r.unblockedBy, r.unblocked];
  for (const g of [...(r.creator ? [r.creator] : []), ...lists.flatMap((l) => l.goroutines)]) byId.set(g.id, { group: g.group, member: g.member });
  const groups = new Map<number, FocusMember[]>();
  for (const [id, at] of byId) {
    let list = groups.get(at.group);
    if (!list) groups.set(at.group, (list = []));
    list.push({ id, member: at.member });
  }
  for (const list of groups.values()) list.sort((a, b) => a.member - b.member);
  return { goroutine: r.id, groups, relatedCount: byId.size - 1, truncated: lists.some((l) => l.total > l.goroutines.length), group: r.group, member: r.member };
}

/** Follows the UI state's focus: loads the relations of the goroutine it names; `onLoaded` opens its groups and scrolls to it. */
export class FocusLoader {
  readonly store: Store<FocusState> = createStore<FocusState>({ status: 'off' });
  private abort: AbortController | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly api: Pick<TraceApi, 'related'>,
    ui: UiStore,
    private readonly onLoaded: (f: LaneFocus) => void,
  ) {
    let last: number | null = null;
    const follow = () => {
      const focus = ui.get().focus;
      if (focus === last) return;
      last = focus;
      this.load(focus);
    };
    this.unsubscribe = ui.subscribe(follow);
    follow();
  }

  /** The focus now, when loaded. */
  get current(): LaneFocus | null {
    const s = this.store.get();
    return s.status === 'done' ? s.focus : null;
  }

  private load(goroutine: number | null): void {
    this.abort?.abort();
    this.abort = null;
    if (goroutine === null) {
      this.store.set({ status: 'off' });
      return;
    }
    const ctl = new AbortController();
    this.abort = ctl;
    this.store.set({ status: 'loading', goroutine });
    this.api.related(goroutine, FOCUS_LIMIT, ctl.signal).then(
      (r) => {
        if (ctl.signal.aborted) return;
        if (!r) {
          this.store.set({ status: 'error', goroutine, message: `no goroutine G${goroutine} in this trace` });
          return;
        }
        const focus = laneFocusOf(r);
        this.store.set({ status: 'done', focus });
        this.onLoaded(focus);
      },
      (e: unknown) => !ctl.signal.aborted && this.store.set({ status: 'error', goroutine, message: (e as Error).message ?? String(e) }),
    );
  }

  dispose(): void {
    this.abort?.abort();
    this.unsubscribe();
  }
}
