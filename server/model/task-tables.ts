import { F64Column, I32Column } from './columns.ts';

/** runtime/trace user annotations: tasks, regions and logs. Ids are the trace's; -1 = none. */
export interface TaskTables {
  tasks: {
    id: Float64Array;
    parent: Float64Array;
    /** Task type (string id); "" if the begin was not in the trace. */
    name: Int32Array;
    startNs: Float64Array;
    endNs: Float64Array;
    /** Goroutine ids that began / ended it (-1 unknown). */
    startG: Float64Array;
    endG: Float64Array;
    startStack: Int32Array;
    endStack: Int32Array;
  };
  regions: {
    task: Float64Array;
    name: Int32Array;
    /** Goroutine index. */
    goroutine: Int32Array;
    /** -1 when the region began before the trace. */
    startNs: Float64Array;
    /** -1 when it was still open at the end of the trace. */
    endNs: Float64Array;
    startStack: Int32Array;
    endStack: Int32Array;
  };
  logs: {
    timeNs: Float64Array;
    goroutine: Int32Array;
    task: Float64Array;
    category: Int32Array;
    message: Int32Array;
    stack: Int32Array;
  };
}

interface OpenRegion {
  task: number;
  name: number;
  startNs: number;
  startStack: number;
}

/**
 * Collects tasks, regions and logs as go tool trace's summarizer does: a
 * region end with no begin is a region that started before the trace, regions
 * open when a (non-system) goroutine ends close with it, and a goroutine
 * created inside a region starts inside an unnamed region of the same task.
 */
export class TaskTablesBuilder {
  private readonly taskRow = new Map<number, number>();
  private readonly t = { id: new F64Column(), parent: new F64Column(), name: new I32Column(), startNs: new F64Column(), endNs: new F64Column(), startG: new F64Column(), endG: new F64Column(), startStack: new I32Column(), endStack: new I32Column() };
  private readonly r = { task: new F64Column(), name: new I32Column(), goroutine: new I32Column(), startNs: new F64Column(), endNs: new F64Column(), startStack: new I32Column(), endStack: new I32Column() };
  private readonly l = { timeNs: new F64Column(), goroutine: new I32Column(), task: new F64Column(), category: new I32Column(), message: new I32Column(), stack: new I32Column() };
  /** Open regions per goroutine index, innermost last. */
  private readonly active = new Map<number, OpenRegion[]>();

  private task(id: number): number {
    let row = this.taskRow.get(id);
    if (row === undefined) {
      row = this.t.id.push(id);
      this.t.parent.push(-1);
      this.t.name.push(0);
      this.t.startNs.push(-1);
      this.t.endNs.push(-1);
      this.t.startG.push(-1);
      this.t.endG.push(-1);
      this.t.startStack.push(0);
      this.t.endStack.push(0);
      this.taskRow.set(id, row);
    }
    return row;
  }

  taskEvent(begin: boolean, id: number, parent: number, name: number, timeNs: number, g: number, stack: number): void {
    const row = this.task(id);
    this.t.name.data[row] = name;
    if (begin) {
      this.t.startNs.data[row] = timeNs;
      this.t.startG.data[row] = g;
      this.t.startStack.data[row] = stack;
    } else {
      this.t.endNs.data[row] = timeNs;
      this.t.endG.data[row] = g;
      this.t.endStack.data[row] = stack;
    }
    if (parent !== -1 && this.t.parent.data[row] === -1) {
      this.task(parent);
      this.t.parent.data[row] = parent;
    }
  }

  regionBegin(g: number, task: number, name: number, timeNs: number, stack: number): void {
    this.task(task);
    let stk = this.active.get(g);
    if (!stk) this.active.set(g, (stk = []));
    stk.push({ task, name, startNs: timeNs, startStack: stack });
  }

  regionEnd(g: number, task: number, name: number, timeNs: number, stack: number): void {
    const open = this.active.get(g)?.pop();
    if (open) this.addRegion(g, open, timeNs, stack);
    else {
      this.task(task);
      this.addRegion(g, { task, name, startNs: -1, startStack: 0 }, timeNs, stack);
    }
  }

  log(g: number, task: number, category: number, message: number, timeNs: number, stack: number): void {
    this.task(task);
    this.l.timeNs.push(timeNs);
    this.l.goroutine.push(g);
    this.l.task.push(task);
    this.l.category.push(category);
    this.l.message.push(message);
    this.l.stack.push(stack);
  }

  /**
   * A goroutine created by `creator` starts in an unnamed region of the creator's innermost task.
   * `at` is the creation event (its time is read here: a double argument would be boxed, and a
   * GC-heavy trace creates a million goroutines).
   */
  goroutineCreated(g: number, creator: number, at: { readonly timeNs: number }): void {
    const stk = creator >= 0 ? this.active.get(creator) : undefined;
    if (stk && stk.length > 0) this.active.set(g, [{ task: stk[stk.length - 1].task, name: 0, startNs: at.timeNs, startStack: 0 }]);
    else this.active.delete(g);
  }

  /**
   * A goroutine ended (`at`: the event): a user goroutine's open regions end with it; a system
   * goroutine's are dropped. `isSystem` is asked only when it has some (rarely: it reads the name).
   */
  goroutineEnded(g: number, at: { readonly timeNs: number }, isSystem: (g: number) => boolean): void {
    const stk = this.active.get(g);
    if (!stk) return;
    if (!isSystem(g)) for (const open of stk) this.addRegion(g, open, at.timeNs, 0);
    this.active.delete(g);
  }

  private addRegion(g: number, open: OpenRegion, endNs: number, endStack: number): void {
    this.r.task.push(open.task);
    this.r.name.push(open.name);
    this.r.goroutine.push(g);
    this.r.startNs.push(open.startNs);
    this.r.endNs.push(endNs);
    this.r.startStack.push(open.startStack);
    this.r.endStack.push(endStack);
  }

  finish(): TaskTables {
    for (const [g, stk] of this.active) for (const open of stk) this.addRegion(g, open, -1, 0);
    this.active.clear();
    const fin = <T extends Record<string, { finish(): ArrayLike<number> }>>(o: T) =>
      Object.fromEntries(Object.entries(o).map(([k, c]) => [k, c.finish()])) as { [K in keyof T]: ReturnType<T[K]['finish']> };
    return { tasks: fin(this.t), regions: fin(this.r), logs: fin(this.l) };
  }
}
