import type { AnnotationDetail } from '../../shared/api.ts';
import { logTitle, type AnnotationKind } from '../../shared/lane-tracks.ts';
import type { TraceModel } from '../model/trace-model.ts';
import type { QueryContext } from './query-context.ts';
import { stackFrames } from './span-detail.ts';

/** Task type of task id (the row whose id it is), "" for the background task 0 or a task whose begin is not in the trace. */
function taskName(model: TraceModel, task: number): string {
  const t = model.tasks.tasks;
  if (task <= 0) return '';
  for (let i = 0; i < t.id.length; i++) if (t.id[i] === task) return model.strings.get(t.name[i]);
  return '';
}

function goroutineOf(model: TraceModel, g: number): { goroutine: number | null; goroutineName: string } {
  if (g < 0 || g >= model.goroutines.count) return { goroutine: null, goroutineName: '' };
  return { goroutine: model.goroutines.id(g), goroutineName: model.strings.get(model.goroutines.name(g)) };
}

/**
 * What a lane track's row stands for (shared/lane-tracks.ts): a user region
 * with its task and both stacks, a CPU sample with its stack, a log message.
 * null when the row does not exist.
 */
export function annotationDetail(ctx: QueryContext, kind: AnnotationKind, row: number): AnnotationDetail | null {
  const m = ctx.model;
  if (kind === 'region') {
    const r = m.tasks.regions;
    if (row >= r.name.length) return null;
    const g = goroutineOf(m, r.goroutine[row]);
    return {
      kind,
      row,
      name: m.strings.get(r.name[row]),
      task: r.task[row],
      taskName: taskName(m, r.task[row]),
      goroutine: g.goroutine ?? -1,
      goroutineName: g.goroutineName,
      startNs: r.startNs[row] >= 0 ? r.startNs[row] : 0,
      endNs: r.endNs[row] >= 0 ? r.endNs[row] : m.endNs,
      beganBeforeTrace: r.startNs[row] < 0,
      endedAfterTrace: r.endNs[row] < 0,
      startStack: stackFrames(m, r.startStack[row]),
      endStack: stackFrames(m, r.endStack[row]),
    };
  }
  if (kind === 'sample') {
    const s = m.samples;
    if (row >= s.timeNs.length) return null;
    return {
      kind,
      row,
      timeNs: s.timeNs[row],
      ...goroutineOf(m, s.goroutine[row]),
      proc: s.proc[row] >= 0 ? s.proc[row] : null,
      thread: s.thread[row] >= 0 ? s.thread[row] : null,
      stack: stackFrames(m, s.stack[row]),
    };
  }
  const l = m.tasks.logs;
  if (row >= l.timeNs.length) return null;
  const category = m.strings.get(l.category[row]);
  const message = m.strings.get(l.message[row]);
  return {
    kind,
    row,
    timeNs: l.timeNs[row],
    title: logTitle(category, message),
    category,
    message,
    task: l.task[row],
    taskName: taskName(m, l.task[row]),
    ...goroutineOf(m, l.goroutine[row]),
    stack: stackFrames(m, l.stack[row]),
  };
}
