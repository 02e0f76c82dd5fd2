/**
 * Column widths that fit their header: a table column is at least as wide
 * as its title in the header's font, plus the header's padding and the sort
 * arrow, so "Sched wait" no longer shows as "Sched w…" in a 90 px column
 * (its title is 72 px of 600-weight 13 px text, and the padding and arrow
 * another 26).
 */

/** .vtable-th's font (styles.css: 600 weight, the page's 13 px system font). */
export const HEADER_FONT = "600 13px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
/** .vtable-th's padding: 6 px each side. */
const PADDING_PX = 12;
/** " ▾" after the sorted column's title: 13 px text is about 12 px for a space and a triangle; 2 px spare for rounding. */
const ARROW_PX = 14;
/** Without a canvas (unit tests): 600-weight 13 px sans-serif averages under 8 px a character. */
const FALLBACK_CHAR_PX = 8;

let measure: CanvasRenderingContext2D | null | undefined;

/** Width of `text` in `font`, px: measured on a canvas in the browser, estimated elsewhere. */
export function textWidthPx(text: string, font = HEADER_FONT): number {
  if (measure === undefined) measure = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * FALLBACK_CHAR_PX;
  measure.font = font;
  return measure.measureText(text).width;
}

/** The column's width: its own, or what its title needs when that is more. */
export function fitHeaderWidthPx(title: string, widthPx: number, font = HEADER_FONT): number {
  return Math.max(widthPx, Math.ceil(textWidthPx(title, font) + PADDING_PX + ARROW_PX));
}
