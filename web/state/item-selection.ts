/**
 * A selected region, CPU sample or log (a span selection with an item): its
 * detail from /api/annotation, and for a lone one (not a pixel of merged
 * ones, e.g. restored from a shared link with only a time) its exact bounds,
 * so the selection box and F (zoom to it) cover the region.
 */
import type { AnnotationDetail } from '../../shared/api.ts';
import type { DetailsStore } from './details-store.ts';
import type { UiStore } from './ui-store.ts';

export function itemBounds(d: AnnotationDetail): { startNs: number; endNs: number } {
  return d.kind === 'region' ? { startNs: d.startNs, endNs: d.endNs } : { startNs: d.timeNs, endNs: d.timeNs };
}

/** Loads the selected item's detail (clears it when the selection has none); true when there was an item. */
export function loadSelectedItem(details: DetailsStore, ui: UiStore): boolean {
  const item = ui.get().span?.item ?? null;
  void details.loadItem(item).then((d) => {
    const now = ui.get().span;
    if (!d || !now?.item || now.item.kind !== d.kind || now.item.row !== d.row || now.count !== 1) return;
    const { startNs, endNs } = itemBounds(d);
    if (now.startNs !== startNs || now.endNs !== endNs) ui.set({ ...ui.get(), span: { ...now, startNs, endNs } });
  });
  return item !== null;
}
