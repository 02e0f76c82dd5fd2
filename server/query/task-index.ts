import type { LaneChunk } from '../../shared/chunk-codec.ts';
import type { LaneDescriptor } from '../../shared/lanes.ts';
import { taskLane } from '../../shared/lanes.ts';
import { SpanState } from '../../shared/states.ts';
import type { TraceModel } from '../model/trace-model.ts';
import { SpanMerger } from './span-merger.ts';

/**
 * At most this many task lanes in the summary (the first by begin time). The
 * 643 tasks of the annotations fixture are 50 kB of summary; a trace with a
 * task per request can have millions, which no lane list should carry.
 */
export const MAX_TASK_LANES = 1000;

/**
 * The user tasks as timeline lanes (go tool trace's TASKS section): one lane
 * per task, "T<id> <type>", a span from its begin to its end coloured by its
 * type, and the parent → child links the "newTask" arrows draw. A task that
 * began before the trace starts at 0, one still open at the end runs to the
 * end (as on the tasks page). Task 0 (runtime/trace's background task) has no
 * begin or end and is not a lane.
 */
export class TaskIndex {
  /** Task table rows in lane order: by begin time, then id. */
  readonly order: Int32Array;
  /** Task type per row (index into typeNames), for the span colour. */
  readonly typeOf: Uint16Array;
  readonly typeNames: string[] = [];
  /** Children per row, by begin time: children[childOffsets[r] … childOffsets[r+1]). */
  readonly childOffsets: Int32Array;
  readonly children: Int32Array;
  private readonly rowOfId = new Map<number, number>();

  constructor(readonly model: TraceModel) {
    const t = model.tasks.tasks;
    const n = t.id.length;
    const rows: number[] = [];
    const typeIds = new Map<string, number>();
    this.typeOf = new Uint16Array(n);
    for (let r = 0; r < n; r++) {
      this.rowOfId.set(t.id[r], r);
      const type = model.strings.get(t.name[r]);
      let k = typeIds.get(type);
      if (k === undefined) {
        k = Math.min(0xffff, this.typeNames.length);
        typeIds.set(type, k);
        this.typeNames.push(type);
      }
      this.typeOf[r] = k;
      if (t.id[r] !== 0 || t.startNs[r] >= 0 || t.endNs[r] >= 0) rows.push(r);
    }
    rows.sort((a, b) => this.startNs(a) - this.startNs(b) || t.id[a] - t.id[b]);
    this.order = Int32Array.from(rows);
    const counts = new Int32Array(n + 1);
    for (const r of rows) {
      const p = this.parentRow(r);
      if (p >= 0) counts[p + 1]++;
    }
    for (let r = 0; r < n; r++) counts[r + 1] += counts[r];
    this.childOffsets = counts;
    this.children = new Int32Array(counts[n]);
    const next = counts.slice(0, n);
    for (const r of rows) {
      const p = this.parentRow(r);
      if (p >= 0) this.children[next[p]++] = r;
    }
  }

  get count(): number {
    return this.order.length;
  }

  /** Row of task `id`, or -1 (unknown, or the background task). */
  rowOf(id: number): number {
    const r = this.rowOfId.get(id);
    if (r === undefined) return -1;
    const t = this.model.tasks.tasks;
    return t.id[r] === 0 && t.startNs[r] < 0 && t.endNs[r] < 0 ? -1 : r;
  }

  parentRow(r: number): number {
    const p = this.model.tasks.tasks.parent[r];
    return p < 0 ? -1 : this.rowOf(p);
  }

  id(r: number): number {
    return this.model.tasks.tasks.id[r];
  }

  /** Begin time, or 0 when it began before the trace. */
  startNs(r: number): number {
    const s = this.model.tasks.tasks.startNs[r];
    return s >= 0 ? s : 0;
  }

  /** End time, or the trace end when it had not ended. */
  endNs(r: number): number {
    const e = this.model.tasks.tasks.endNs[r];
    return e >= 0 ? e : this.model.endNs;
  }

  typeName(r: number): string {
    return this.typeNames[this.typeOf[r]];
  }

  title(r: number): string {
    const type = this.typeName(r);
    return type ? `T${this.id(r)} ${type}` : `T${this.id(r)}`;
  }

  /** Lane descriptors of the first `max` tasks by begin time. */
  lanes(max = MAX_TASK_LANES): LaneDescriptor[] {
    const out: LaneDescriptor[] = [];
    for (let k = 0; k < Math.min(max, this.order.length); k++) {
      const r = this.order[k];
      out.push({ id: taskLane(this.id(r)), section: 'tasks', kind: 'spans', title: this.title(r) });
    }
    return out;
  }

  /**
   * The task's span over [startNs, endNs]: one span (a task lane has one), in
   * the span encoding with its type in the `group` column (the colour) and its
   * title as the label.
   */
  chunk(laneId: string, r: number, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
    const merger = new SpanMerger(nsPerPx);
    const s = this.startNs(r);
    const e = this.endNs(r);
    if (e >= startNs && s <= endNs) merger.add(s, Math.max(s, e), SpanState.Task, 0, this.typeOf[r]);
    const lane = merger.finish(laneId, 'label', 'group', 'u16');
    lane.meta = { labels: [this.title(r)] };
    return lane;
  }
}
