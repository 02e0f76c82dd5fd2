import { describe, expect, it } from 'vitest';
import type { TraceModel } from '../../server/model/trace-model.ts';
import { MAX_TASK_LANES, TaskIndex } from '../../server/query/task-index.ts';

/** The TASKS lanes of a trace with many tasks: bounded, by begin time, background task left out, children listed. */
function modelWithTasks(n: number): TraceModel {
  const ids = Float64Array.from({ length: n + 1 }, (_, i) => i); // task 0: the background task
  // Tasks begin in reverse id order, every fifth before the trace; task k's parent is k - 1.
  const startNs = Float64Array.from(ids, (id) => (id === 0 ? -1 : id % 5 === 0 ? -1 : (n - id) * 100));
  const endNs = Float64Array.from(ids, (id) => (id === 0 ? -1 : (n - id) * 100 + 50));
  const parent = Float64Array.from(ids, (id) => (id <= 1 ? -1 : id - 1));
  const names = ['', 'request', 'query'];
  return {
    endNs: n * 100 + 1000,
    strings: { get: (i: number) => names[i] },
    tasks: { tasks: { id: ids, parent, name: Int32Array.from(ids, (id) => (id === 0 ? 0 : 1 + (id % 2))), startNs, endNs, startG: new Float64Array(n + 1).fill(-1), endG: new Float64Array(n + 1).fill(-1), startStack: new Int32Array(n + 1), endStack: new Int32Array(n + 1) } },
  } as unknown as TraceModel;
}

describe('task lanes', () => {
  const n = 1500;
  const tasks = new TaskIndex(modelWithTasks(n));

  it('lists at most MAX_TASK_LANES lanes, the first by begin time (before the trace counts as 0), not the background task', () => {
    expect(tasks.count).toBe(n);
    const lanes = tasks.lanes();
    expect(lanes).toHaveLength(MAX_TASK_LANES);
    const begins = lanes.map((l) => tasks.startNs(tasks.rowOf(Number(l.id.slice(5)))));
    expect(begins).toEqual([...begins].sort((a, b) => a - b));
    expect(begins[0]).toBe(0);
    expect(lanes.map((l) => l.id)).not.toContain('task:0');
    expect(lanes[0]).toMatchObject({ section: 'tasks', kind: 'spans' });
    expect(lanes.find((l) => l.id === 'task:1499')?.title).toBe('T1499 query');
  });

  it('knows each task’s children, and a task open at an end of the trace spans to it', () => {
    const r = tasks.rowOf(10);
    expect(Array.from(tasks.children.subarray(tasks.childOffsets[r], tasks.childOffsets[r + 1]), (c) => tasks.id(c))).toEqual([11]);
    expect(tasks.rowOf(0)).toBe(-1);
    expect(tasks.startNs(r)).toBe(0);
    expect(tasks.endNs(tasks.rowOf(7))).toBe((n - 7) * 100 + 50);
  });
});
