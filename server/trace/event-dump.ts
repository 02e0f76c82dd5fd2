import { EVENT_KIND_NAMES, EventKind, METRIC_NAMES, ResourceKind, stateName } from './event-kinds.ts';
import type { OpenedTrace } from './open-trace.ts';
import { quoteToAscii } from './quote.ts';
import type { TraceEvent } from './trace-event.ts';
import { Ev, specArgNames, specName, EXPERIMENT_NAMES } from './v2/wire-events.ts';

/**
 * Prints events in the canonical text form of fixtures/oracle/FORMAT.md, the
 * form the Go oracle prints, so the two can be diffed line by line.
 */
export class EventDumper {
  private firstTime: number | null = null;
  private readonly stackNames = new Map<number, string>();

  constructor(private readonly trace: OpenedTrace) {}

  /** Lines for one event: stack definitions first, then the event line. */
  format(ev: TraceEvent, out: string[]): void {
    if (this.firstTime === null) this.firstTime = ev.timeNs;
    const s = this.trace.strings;
    let line = `${ev.timeNs - this.firstTime} ${EVENT_KIND_NAMES[ev.kind]} g=${ev.g} p=${ev.p} m=${ev.m}`;
    switch (ev.kind) {
      case EventKind.Sync:
        line += ` n=${ev.syncN}`;
        if (ev.hasClock) line += ` clock.trace=${ev.clockTraceNs - this.firstTime} clock.mono=${ev.clockMono} clock.wall=${ev.clockWallNs}`;
        if (ev.experimentalBatches) {
          for (const name of [...ev.experimentalBatches.keys()].sort()) {
            const list = ev.experimentalBatches.get(name)!;
            line += ` exp.${name}=${list.length}:${list.reduce((n, b) => n + b.data.length, 0)}`;
          }
        }
        break;
      case EventKind.Metric:
        line += ` name=${METRIC_NAMES[ev.name]} value=${ev.value}`;
        break;
      case EventKind.Label:
        line += ` label=${quoteToAscii(s.get(ev.name))} resource=${resource(ev.resourceKind, ev.resourceId)}`;
        break;
      case EventKind.RangeBegin:
      case EventKind.RangeActive:
      case EventKind.RangeEnd:
        line += ` name=${quoteToAscii(s.get(ev.name))} scope=${resource(ev.scopeKind, ev.scopeId)}`;
        if (ev.hasAttrs) line += ` attrs="bytes swept":${ev.value},"bytes reclaimed":${ev.value2}`;
        break;
      case EventKind.TaskBegin:
      case EventKind.TaskEnd:
        line += ` id=${ev.taskId} parent=${ev.parentTaskId} type=${quoteToAscii(s.get(ev.name))}`;
        break;
      case EventKind.RegionBegin:
      case EventKind.RegionEnd:
        line += ` task=${ev.taskId} type=${quoteToAscii(s.get(ev.name))}`;
        break;
      case EventKind.Log:
        line += ` task=${ev.taskId} category=${quoteToAscii(s.get(ev.name))} message=${quoteToAscii(s.get(ev.message))}`;
        break;
      case EventKind.StateTransition:
        line += ` resource=${resource(ev.resourceKind, ev.resourceId)} ${stateName(ev.resourceKind, ev.fromState)}->${stateName(ev.resourceKind, ev.toState)} reason=${quoteToAscii(s.get(ev.reason))}`;
        if (ev.transitionStack !== 0) line += ` tstack=${this.stackName(ev.transitionStack, out)}`;
        break;
      case EventKind.Experimental: {
        const names = specArgNames(ev.type);
        const values = [ev.a0, ev.a1, ev.a2, ev.a3];
        const args = names.map((n, i) => `${n}=${values[i]}`).join(',');
        line += ` name=${specName(ev.type)} experiment=${EXPERIMENT_NAMES[ev.type >= Ev.Span ? 1 : 0]} args=[${args}]`;
        break;
      }
    }
    if (ev.stack !== 0) line += ` stack=${this.stackName(ev.stack, out)}`;
    out.push(line);
  }

  private stackName(id: number, out: string[]): string {
    let name = this.stackNames.get(id);
    if (name === undefined) {
      name = `S${this.stackNames.size + 1}`;
      this.stackNames.set(id, name);
      const st = this.trace.stacks;
      const frames = Array.from(st.frames(id), (f) => `${quoteToAscii(st.funcName(f))} 0x${st.pc(f).toString(16)} ${quoteToAscii(st.fileName(f))}:${st.line(f)}`);
      out.push(frames.length ? `${name} ${frames.join(' | ')}` : name);
    }
    return name;
  }
}

function resource(kind: ResourceKind, id: number): string {
  switch (kind) {
    case ResourceKind.Goroutine:
      return `g${id}`;
    case ResourceKind.Proc:
      return `p${id}`;
    case ResourceKind.Thread:
      return `m${id}`;
    default:
      return 'none';
  }
}
