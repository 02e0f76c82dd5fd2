/**
 * A decoded wire event plus the execution context the ordering gives it. The
 * ordering queue holds a few of these; the reader turns each into a public
 * TraceEvent when it is returned.
 */
export class RawEvent {
  type = 0;
  /** ns relative to the reader's time base (see v2-reader.ts). */
  time = 0;
  a0 = 0;
  a1 = 0;
  a2 = 0;
  a3 = 0;
  /** Values the ordering attaches (Go smuggles them into spare argument slots). */
  extra0 = 0;
  extra1 = 0;
  g = -1;
  p = -1;
  m = -1;
  offset = 0;

  copyFrom(o: RawEvent): void {
    this.type = o.type;
    this.time = o.time;
    this.a0 = o.a0;
    this.a1 = o.a1;
    this.a2 = o.a2;
    this.a3 = o.a3;
    this.extra0 = o.extra0;
    this.extra1 = o.extra1;
    this.g = o.g;
    this.p = o.p;
    this.m = o.m;
    this.offset = o.offset;
  }
}

/** FIFO that recycles its slots (the ordering pushes at most three per step); its length stays a power of two. */
export class SlotQueue<T> {
  private slots: T[];
  private head = 0;
  private count = 0;

  constructor(private readonly make: () => T) {
    this.slots = [make(), make(), make(), make()];
  }

  get length(): number {
    return this.count;
  }

  /** Returns a slot at the back of the queue for the caller to fill. */
  push(): T {
    if (this.count === this.slots.length) this.grow();
    // Lengths are powers of two: a mask instead of `%`, whose integer division
    // cost about 7 % of the whole reader (two per event).
    const slot = this.slots[(this.head + this.count) & (this.slots.length - 1)];
    this.count++;
    return slot;
  }

  /** The front slot; valid until the queue wraps around to it again (at least three pushes). */
  pop(): T | null {
    if (this.count === 0) return null;
    const e = this.slots[this.head];
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.count--;
    return e;
  }

  private grow(): void {
    const n = this.slots.length;
    const next: T[] = [];
    for (let i = 0; i < n; i++) next.push(this.slots[(this.head + i) % n]);
    for (let i = 0; i < n; i++) next.push(this.make());
    this.slots = next;
    this.head = 0;
  }
}
