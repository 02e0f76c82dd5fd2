import { describe, expect, it } from 'vitest';
import { GoroutineTableBuilder } from '../../server/model/goroutine-table.ts';
import { TransitionLogBuilder } from '../../server/model/transition-log.ts';

// GoState: Undetermined 0, NotExist 1, Runnable 2, Running 3, Waiting 4.
type Row = [timeNs: number, id: number, from: number, to: number, forever?: boolean];

const END_NS = 300;

/** Creation, end and execution times as the finished goroutine table reads them back from the transition log. */
function replay(rows: Row[], syncNs: number[]): Map<number, [number, number, number]> {
  const log = new TransitionLogBuilder(16);
  const forever = log.reason(77);
  const table = new GoroutineTableBuilder();
  for (const [t, id, from, to, isForever] of rows) log.add({ timeNs: t }, table.row(id), from, to, isForever ? forever : 0, 0, 0, -1);
  const built = log.finish(table.index.size).log;
  const g = table.finish(built, Float64Array.from(syncNs), forever, END_NS);
  return new Map(Array.from({ length: g.count }, (_, i) => [g.id(i), [g.createdNs(i), g.endNs(i), g.execNs(i)]]));
}

/** Creation and end times only. */
function lifetimes(rows: Row[], syncNs: number[]): Map<number, [number, number]> {
  return new Map([...replay(rows, syncNs)].map(([id, [c, e]]) => [id, [c, e]]));
}

describe('GoroutineTableBuilder.finish: creation and end times from the transition log', () => {
  const got = lifetimes(
    [
      [50, 13, 0, 4], // first seen waiting: created at the Sync before (0)
      [105, 10, 0, 3], // first seen running after the Sync at 100
      [110, 11, 1, 2], // created
      [120, 12, 1, 4, true], // created blocked forever: created and ended at once
      [150, 11, 3, 1], // exits
      [205, 13, 4, 4], // a status repeat changes nothing
      [206, 14, 4, 4], // only repeats: never created
      [210, 11, 1, 2], // id reused: a new incarnation, not ended
      [230, 13, 3, 4, true], // blocks forever
    ],
    [0, 100, 200],
  );

  it('a goroutine first seen after a Sync was created at that Sync', () => {
    expect(got.get(10)).toEqual([100, -1]);
    expect(got.get(13)![0]).toBe(0);
  });

  it('an exited goroutine whose id is reused keeps only the new incarnation, not ended', () => {
    expect(got.get(11)).toEqual([210, -1]);
  });

  it('blocking forever ends a goroutine, also on its creation row', () => {
    expect(got.get(12)).toEqual([120, 120]);
    expect(got.get(13)).toEqual([0, 230]);
  });

  it('status repeats neither create nor end', () => {
    expect(got.get(14)).toEqual([-1, -1]);
  });

  it('first seen before any Sync: created at the trace start', () => {
    expect(lifetimes([[5, 1, 0, 3]], [100]).get(1)).toEqual([0, -1]);
  });
});

describe('GoroutineTableBuilder.finish: execution times from the transition log', () => {
  // Running is 3, Syscall 5; TO_PROC_LOST (7) is the pseudo-transition of a syscall losing its proc.
  const got = replay(
    [
      [105, 10, 0, 3], // first seen running after the Sync at 100: ran since then
      [110, 11, 1, 2], // created
      [120, 11, 2, 3], // starts
      [130, 11, 3, 5], // syscall: execution stops counting here
      [135, 11, 5, 7], // its proc is taken: changes nothing
      [140, 11, 5, 2],
      [150, 11, 2, 3], // runs again until it exits
      [170, 11, 3, 1],
      [200, 12, 1, 2], // created, runs until the trace ends
      [250, 12, 2, 3],
      [260, 13, 1, 3], // created running, blocks forever
      [265, 13, 3, 4, true],
      [270, 11, 1, 3], // id reused: the new incarnation alone counts
    ],
    [0, 100],
  );

  it('a goroutine first seen running ran since its creation (the Sync before)', () => {
    expect(got.get(10)![2]).toBe(END_NS - 100);
  });

  it('a reused id counts only its last incarnation, running to the trace end', () => {
    expect(got.get(11)).toEqual([270, -1, END_NS - 270]);
  });

  it('running until the end of the trace, or until blocked forever', () => {
    expect(got.get(12)![2]).toBe(END_NS - 250);
    expect(got.get(13)).toEqual([260, 265, 5]);
  });

  it('counts running intervals only, not syscalls or the pseudo-transition', () => {
    const once = replay(
      [
        [110, 11, 1, 2],
        [120, 11, 2, 3],
        [130, 11, 3, 5],
        [135, 11, 5, 7],
        [140, 11, 5, 2],
        [150, 11, 2, 3],
        [170, 11, 3, 1],
      ],
      [0],
    );
    expect(once.get(11)).toEqual([110, 170, 10 + 20]);
  });
});
