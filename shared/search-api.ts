/**
 * Search (/api/search): what the timeline's search box finds and where each
 * find is on the timeline. One query matches goroutine ids ("G123", "123"),
 * task ids ("T7", "7"), and, as a case-insensitive substring, goroutine groups
 * (start functions), goroutine labels, user task types, user region names and
 * log messages and categories. Times are ns since the trace's first event.
 */

export const SEARCH_KINDS = ['goroutine', 'group', 'task', 'region', 'log'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** At most this many results per answer (the limit parameter's maximum). */
export const MAX_SEARCH_LIMIT = 500;

/** A goroutine, found by its id or its label: its lane, group and lifetime. */
export interface GoroutineHit {
  kind: 'goroutine';
  /** What matched: the id ("G123", "123") or the goroutine's label. */
  match: 'id' | 'label';
  id: number;
  lane: string;
  /** Group index in TraceSummary.groups and position in its lane list. */
  group: number;
  member: number;
  groupName: string;
  label: string;
  /** Its lifetime as drawn: created (0: before the trace) to its end (the trace end: still alive). */
  startNs: number;
  endNs: number;
}

/** A goroutine group (start function) whose name contains the query. */
export interface GroupHit {
  kind: 'group';
  group: number;
  name: string;
  count: number;
}

/** A user task, by id or by a type containing the query; `lane` is null when the TASKS section has no lane for it (only the first tasks by begin have one). */
export interface TaskHit {
  kind: 'task';
  id: number;
  type: string;
  lane: string | null;
  startNs: number;
  endNs: number;
}

/** A user region whose name contains the query: its goroutine's lane and its bounds; `row` selects it (/api/annotation?kind=region). */
export interface RegionHit {
  kind: 'region';
  row: number;
  name: string;
  goroutine: number;
  lane: string;
  group: number;
  member: number;
  startNs: number;
  endNs: number;
}

/** A user log whose message or category contains the query; `row` selects it (/api/annotation?kind=log). No goroutine: lane null. */
export interface LogHit {
  kind: 'log';
  row: number;
  /** "[category] message". */
  title: string;
  goroutine: number | null;
  lane: string | null;
  group: number;
  member: number;
  timeNs: number;
}

export type SearchHit = GoroutineHit | GroupHit | TaskHit | RegionHit | LogHit;

export interface SearchResponse {
  query: string;
  /** Goroutines first, then groups, tasks, regions, logs; each kind in time order (groups in summary order). */
  results: SearchHit[];
  /** Finds per kind before the cap (the answer lists at most `limit` in all). */
  totals: Record<SearchKind, number>;
  /** Some finds were left out (the totals add up to more than the results). */
  truncated: boolean;
  /** Server time spent, ms (the first search also builds the index). */
  elapsedMs: number;
}

/** One line naming a find, as the results list shows it. */
export function searchHitTitle(h: SearchHit): string {
  switch (h.kind) {
    case 'goroutine':
      return h.match === 'label' ? `G${h.id} ${h.label}` : `G${h.id} ${h.groupName}`;
    case 'group':
      return h.name || '(unknown start function)';
    case 'task':
      return h.type ? `T${h.id} ${h.type}` : `T${h.id}`;
    case 'region':
      return `${h.name} on G${h.goroutine}`;
    case 'log':
      return h.goroutine === null ? h.title : `${h.title} on G${h.goroutine}`;
  }
}
