/**
 * Which cached pieces to draw for one lane: the loaded windows at the current
 * resolution first, then (while those load) the nearest other resolutions in
 * the gaps, each piece clipped so no time is drawn twice.
 */
export interface WindowedPiece {
  startNs: number;
  endNs: number;
  nsPerPx: number;
}

export interface Layer<T extends WindowedPiece> {
  piece: T;
  /** Draw only what falls in [clipStartNs, clipEndNs). */
  clipStartNs: number;
  clipEndNs: number;
}

function preference(p: WindowedPiece, nsPerPx: number): number {
  // Exact resolution first; then by distance in powers of two, finer before coarser.
  const d = Math.log2(p.nsPerPx / nsPerPx);
  return d === 0 ? 0 : Math.abs(d) + (d > 0 ? 0.5 : 0);
}

export function chooseLayers<T extends WindowedPiece>(pieces: readonly T[], startNs: number, endNs: number, nsPerPx: number): Layer<T>[] {
  const candidates = pieces
    .filter((p) => p.endNs > startNs && p.startNs < endNs)
    .sort((a, b) => preference(a, nsPerPx) - preference(b, nsPerPx) || overlap(b, startNs, endNs) - overlap(a, startNs, endNs));
  let gaps: [number, number][] = [[startNs, endNs]];
  const out: Layer<T>[] = [];
  for (const p of candidates) {
    const next: [number, number][] = [];
    for (const [gs, ge] of gaps) {
      const s = Math.max(gs, p.startNs);
      const e = Math.min(ge, p.endNs);
      if (s >= e) {
        next.push([gs, ge]);
        continue;
      }
      out.push({ piece: p, clipStartNs: s, clipEndNs: e });
      if (gs < s) next.push([gs, s]);
      if (e < ge) next.push([e, ge]);
    }
    gaps = next;
    if (gaps.length === 0) break;
  }
  return out;
}

function overlap(p: WindowedPiece, startNs: number, endNs: number): number {
  return Math.max(0, Math.min(endNs, p.endNs) - Math.max(startNs, p.startNs));
}
