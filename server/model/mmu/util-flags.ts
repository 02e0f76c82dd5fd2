/**
 * What counts as "not the mutator" in a utilization series: go tool trace's
 * trace.UtilFlags. The names are the ids of the /mmu page's checkboxes, which
 * the page sends as `?flags=stw|background|assist` (joined with `|`, in page
 * order: system|perProc, stw, background, assist, sweep, mut).
 */
export interface UtilFlags {
  /** "STW": stop-the-world phases of the GC ("stop-the-world (…GC…)" ranges) stop every P. */
  stw: boolean;
  /** "Background workers": goroutines labelled "GC (dedicated)" / "GC (fractional)" (not "GC (idle)"). */
  background: boolean;
  /** "Mark assist": "GC mark assist" ranges of running goroutines. */
  assist: boolean;
  /** "Sweep": "GC incremental sweep" ranges (unchecked by default: the page warns it may be slow). */
  sweep: boolean;
  /**
   * The "Per-goroutine" view (radio id `perProc`; the other choice, "System",
   * has id `system` and sets no flag): one 0/1 series per P instead of one
   * fractional series for the whole program.
   */
  perProc: boolean;
}

/** Flags of the /mmu plot request: the utilization flags plus the page's display checkbox. */
export interface MmuPlotFlags extends UtilFlags {
  /** "Show percentiles" (checkbox id `mut`): also plot the 99.9th, 99th and 95th percentile MU. */
  percentiles: boolean;
}

/** The /mmu page's initial state: System view with STW, Background workers and Mark assist checked. */
export const DEFAULT_MMU_FLAGS: Readonly<MmuPlotFlags> = Object.freeze({
  stw: true,
  background: true,
  assist: true,
  sweep: false,
  perProc: false,
  percentiles: false,
});

/** Parses go tool trace's `flags` query value ("system|stw|background|assist", "perProc|…|mut"); unknown names are ignored, as Go ignores them. */
export function parseMmuFlags(query: string): MmuPlotFlags {
  const names = new Set(query.split('|'));
  return {
    stw: names.has('stw'),
    background: names.has('background'),
    assist: names.has('assist'),
    sweep: names.has('sweep'),
    perProc: names.has('perProc'),
    percentiles: names.has('mut'),
  };
}

/** The `flags` query value go tool trace's page would send for these flags. */
export function formatMmuFlags(flags: UtilFlags & { percentiles?: boolean }): string {
  const names = [flags.perProc ? 'perProc' : 'system'];
  if (flags.stw) names.push('stw');
  if (flags.background) names.push('background');
  if (flags.assist) names.push('assist');
  if (flags.sweep) names.push('sweep');
  if (flags.percentiles) names.push('mut');
  return names.join('|');
}
