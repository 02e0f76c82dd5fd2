/**
 * Text drawn over spans, collected during a frame and drawn after the
 * rectangles in one pass: one font, one fillStyle per text colour. Text is
 * cut to the span by an average character width (no measureText per label),
 * and spans narrower than MIN_LABEL_PX get none.
 */
export const MIN_LABEL_PX = 40;
export const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", sans-serif';
/** Average advance of LABEL_FONT, measured once per canvas (fallback 6.2 px). */
let charWidthPx = 6.2;

export function measureCharWidth(ctx: CanvasRenderingContext2D): void {
  ctx.font = LABEL_FONT;
  const sample = 'G1234 main.worker.func1 runtime.gcBgMarkWorker';
  const w = ctx.measureText(sample).width / sample.length;
  if (w > 0) charWidthPx = w;
}

/** The text that fits in widthPx (with 3 px padding each side), ending in "…" when cut; '' if nothing fits. */
export function fitText(text: string, widthPx: number, charPx = charWidthPx): string {
  const room = Math.floor((widthPx - 6) / charPx);
  if (room <= 1) return '';
  if (text.length <= room) return text;
  return `${text.slice(0, room - 1)}…`;
}

export class LabelList {
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];
  private readonly texts: string[] = [];
  private readonly colours: string[] = [];

  get length(): number {
    return this.texts.length;
  }

  /** A label for a span [x, x + w) on a row whose vertical centre is yMid. */
  add(text: string, x: number, w: number, yMid: number, colour: string, clipLeftPx = 0): void {
    // Keep the text on screen when the span starts left of it.
    const left = Math.max(x, clipLeftPx);
    const width = x + w - left;
    if (width < MIN_LABEL_PX) return;
    const fitted = fitText(text, width);
    if (!fitted) return;
    this.xs.push(left + 3);
    this.ys.push(yMid);
    this.texts.push(fitted);
    this.colours.push(colour);
  }

  flush(ctx: CanvasRenderingContext2D): void {
    if (this.texts.length === 0) return;
    ctx.font = LABEL_FONT;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    const byColour = new Map<string, number[]>();
    this.colours.forEach((c, i) => {
      const list = byColour.get(c);
      if (list) list.push(i);
      else byColour.set(c, [i]);
    });
    for (const [colour, idx] of byColour) {
      ctx.fillStyle = colour;
      for (const i of idx) ctx.fillText(this.texts[i], this.xs[i], this.ys[i]);
    }
    this.xs.length = this.ys.length = this.texts.length = this.colours.length = 0;
  }
}
