/**
 * Where a lane's tracks (shared/lane-tracks.ts) go inside its row. A goroutine
 * row keeps its 18 px state band on top, as without regions; user regions get
 * a band below it, one thin bar per nesting level, so the states stay as
 * readable (and as tested) as before. Instants sit in a strip at the top of
 * the state band, over the spans.
 *
 *   y + 0 … 18            state band (spans drawn from y + 2, 14 px tall)
 *   y + 18 + 5k … + 4     region bar of level k (4 px, 1 px gap)
 *   last pixel            row separator
 */

/** Height of one region level: a 4 px bar and a 1 px gap (readable as a bar, cheap in rows). */
export const REGION_LEVEL_PX = 5;
export const REGION_BAR_PX = 4;
/** Levels given room; deeper regions share the last one (traces nest 1–3 deep; 4 keeps a row under 40 px). */
export const MAX_REGION_LEVELS = 4;

/** Extra row height for a goroutine group whose deepest region nesting is `levels` (0: none). */
export function regionBandPx(levels: number | undefined): number {
  if (!levels || levels <= 0) return 0;
  return Math.min(levels, MAX_REGION_LEVELS) * REGION_LEVEL_PX + 1;
}

/** Instants strip: from the state band's top (2 px below the row top), 7 px tall (a log diamond's height). */
export const INSTANT_TOP_PX = 2;
export const INSTANT_STRIP_PX = 7;

/** Where in a row (offset from its top, px) the pointer is: the instants strip, the region level, or the spans. */
export function trackZoneAt(yInRowPx: number, stateBandPx: number, regionLevels: number): { zone: 'instants' } | { zone: 'regions'; level: number } | { zone: 'spans' } {
  if (regionLevels > 0 && yInRowPx >= stateBandPx) {
    const level = Math.floor((yInRowPx - stateBandPx) / REGION_LEVEL_PX);
    return { zone: 'regions', level: Math.min(level, Math.min(regionLevels, MAX_REGION_LEVELS) - 1) };
  }
  if (yInRowPx >= INSTANT_TOP_PX - 1 && yInRowPx < INSTANT_TOP_PX + INSTANT_STRIP_PX) return { zone: 'instants' };
  return { zone: 'spans' };
}
