/**
 * Tracks: rows a lane chunk carries besides its spans (LaneChunk.tracks),
 * shared by the server that fills them and the web app that draws them.
 * Like spans, both are merged per absolute pixel bucket (floor(t / nsPerPx)),
 * so a track's size grows with pixels, not with events.
 *
 * Goroutine lanes (g:N) carry both; proc and thread lanes carry instants
 * (CPU samples only). A lane with nothing to show has no such track.
 */

/**
 * User regions of the goroutine (runtime/trace.WithRegion / StartRegion),
 * nested: depth 0 is outermost. Rows sorted by depth, then start.
 *   startNs f64, endNs f64  bounds (a merged row: first start to last end in its bucket)
 *   depth u8                nesting level
 *   count u32               regions the row stands for (> 1: merged below a pixel)
 *   name u32                index into meta.names (the longest region's name for merged rows)
 *   row u32                 region row for /api/annotation?kind=region (the longest region of a merged row)
 * Unnamed regions (a goroutine created inside a region inherits its task) are left out.
 */
export const REGIONS_TRACK = 'regions';

/**
 * Instants: CPU profile samples and user log messages. Rows sorted by time.
 *   timeNs f64   time of the first instant of its bucket
 *   kind u8      MarkerKind.CpuSample or MarkerKind.Log (shared/states.ts)
 *   count u32    instants of that kind in the bucket
 *   row u32      sample or log row of the first one, for /api/annotation
 *   label u32    index into meta.labels ("[category] message" of a log; 0 = "")
 */
export const INSTANTS_TRACK = 'instants';

/** What /api/annotation describes. */
export type AnnotationKind = 'region' | 'sample' | 'log';

export const ANNOTATION_KINDS: readonly AnnotationKind[] = ['region', 'sample', 'log'];

/** go tool trace's name for a log instant: "[category] message", or the message alone. */
export function logTitle(category: string, message: string): string {
  return category ? `[${category}] ${message}` : message;
}
