import type { TraceModel } from '../model/trace-model.ts';
import type { TaskIndex } from './task-index.ts';

/**
 * The distinct strings of a string-id column (task types, region names, log
 * categories, log messages), lowercased once, and each row's key among them.
 * A query is then one substring test per distinct string, not per row: the
 * annotations fixture's 643 tasks have 4 types, and a trace that logs a
 * request id per message has as many keys as rows, still one test each.
 */
export class TextKeys {
  /** Key (index into `texts`) of each row. */
  readonly keyOf: Int32Array;
  readonly texts: string[] = [];

  constructor(stringIds: ArrayLike<number>, text: (id: number) => string) {
    const keyOfString = new Map<number, number>();
    this.keyOf = new Int32Array(stringIds.length);
    for (let r = 0; r < stringIds.length; r++) {
      let k = keyOfString.get(stringIds[r]);
      if (k === undefined) {
        k = this.texts.length;
        keyOfString.set(stringIds[r], k);
        this.texts.push(text(stringIds[r]).toLowerCase());
      }
      this.keyOf[r] = k;
    }
  }

  /** Per key, 1 when its text contains `lowerQuery` (an empty text never matches); null when none does. */
  matching(lowerQuery: string): Uint8Array | null {
    let any = false;
    const out = new Uint8Array(this.texts.length);
    for (let k = 0; k < this.texts.length; k++) {
      const t = this.texts[k];
      if (t !== '' && t.includes(lowerQuery)) {
        out[k] = 1;
        any = true;
      }
    }
    return any ? out : null;
  }
}

/** Row indices 0 … n-1 by ascending time (ties by row); already-sorted columns (logs are appended in time order) cost one pass. */
export function orderByTime(timeNs: ArrayLike<number>): Int32Array {
  const n = timeNs.length;
  const order = new Int32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && timeNs[i] < timeNs[i - 1]) sorted = false;
  }
  if (!sorted) order.sort((a, b) => timeNs[a] - timeNs[b] || a - b);
  return order;
}

/**
 * What the search scans, built on the first search (nothing is paid by a
 * session that never searches): lowercased group names and goroutine
 * labels, and for tasks, regions and logs their text keys and their rows in
 * time order, so finds come out in time order from one pass that counts
 * every find (the totals are exact) and keeps only the first `limit`.
 */
export class SearchIndex {
  readonly groupNames: string[];
  /** Goroutine rows with a label, and the label lowercased, by creation time. */
  readonly labelled: Int32Array;
  readonly labels: string[];
  readonly taskTypes: TextKeys;
  /** Task rows by begin time (the TASKS lane order), and each row's position there (lanes exist for the first MAX_TASK_LANES). */
  readonly taskOrder: Int32Array;
  readonly taskRank: Int32Array;
  readonly regionNames: TextKeys;
  /** Region rows by start; begun before the trace: start 0. */
  readonly regionOrder: Int32Array;
  readonly logCategories: TextKeys;
  readonly logMessages: TextKeys;
  readonly logOrder: Int32Array;
  /** Time the build took, ms. */
  readonly buildMs: number;

  constructor(model: TraceModel, groupNames: readonly string[], tasks: TaskIndex) {
    const t0 = performance.now();
    const str = (id: number) => model.strings.get(id);
    this.groupNames = groupNames.map((n) => n.toLowerCase());
    const labelled = [...model.goroutines.labels.entries()].filter(([, s]) => str(s) !== '');
    labelled.sort((a, b) => model.goroutines.createdNs(a[0]) - model.goroutines.createdNs(b[0]) || a[0] - b[0]);
    this.labelled = Int32Array.from(labelled, ([g]) => g);
    this.labels = labelled.map(([, s]) => str(s).toLowerCase());
    this.taskTypes = new TextKeys(model.tasks.tasks.name, str);
    this.taskOrder = tasks.order;
    this.taskRank = new Int32Array(model.tasks.tasks.id.length).fill(-1);
    this.taskOrder.forEach((r, k) => (this.taskRank[r] = k));
    const regions = model.tasks.regions;
    this.regionNames = new TextKeys(regions.name, str);
    this.regionOrder = orderByTime(Float64Array.from(regions.startNs, (s) => (s >= 0 ? s : 0)));
    const logs = model.tasks.logs;
    this.logCategories = new TextKeys(logs.category, str);
    this.logMessages = new TextKeys(logs.message, str);
    this.logOrder = orderByTime(logs.timeNs);
    this.buildMs = performance.now() - t0;
  }
}
