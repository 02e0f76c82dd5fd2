/**
 * A goroutine's related goroutines (/api/goroutine/related), as go tool
 * trace's goroutine view (/trace?goid=N) relates them: through creation and
 * through block/unblock. go tool trace closes the unblock relation over two
 * steps; this is one step in each direction, with counts.
 */

/** Default and largest number of goroutines listed per relation. */
export const RELATED_DEFAULT_LIMIT = 100;
export const RELATED_MAX_LIMIT = 5000;

/** A goroutine at the other end of a relation, with where its lane is. */
export interface RelatedGoroutine {
  id: number;
  /** Group index in TraceSummary.groups and position in its lane list. */
  group: number;
  member: number;
  groupName: string;
  /** Times the relation happened (1 for creator / created). */
  count: number;
  /** When it first happened (creation, or the first unblock). */
  firstNs: number;
}

/** One relation: the goroutines, most frequent first, at most `limit` of `total`. */
export interface RelatedList {
  total: number;
  goroutines: RelatedGoroutine[];
}

export interface RelatedGoroutines {
  id: number;
  group: number;
  member: number;
  groupName: string;
  /** The goroutine that created it (null: before the trace, or unknown). */
  creator: RelatedGoroutine | null;
  /** Goroutines it created. */
  created: RelatedList;
  /** Goroutines that made it runnable after a wait. */
  unblockedBy: RelatedList;
  /** Goroutines it made runnable after their wait. */
  unblocked: RelatedList;
}

/** Every related goroutine once (a goroutine may be in several relations), the goroutine itself excluded. */
export function relatedIds(r: RelatedGoroutines): number[] {
  const ids = new Set<number>();
  if (r.creator) ids.add(r.creator.id);
  for (const list of [r.created, r.unblockedBy, r.unblocked]) for (const g of list.goroutines) ids.add(g.id);
  ids.delete(r.id);
  return [...ids];
}
