/**
 * Colours, in one place: goroutine states and wait reasons, goroutine groups
 * (proc lanes), GC, counter series and markers. Every colour is a "#rrggbb"
 * string so the drawing code can batch rectangles by colour.
 */
import { hcl, schemeTableau10 } from 'd3';
import { SpanState } from '../../shared/states.ts';

export const STATE_COLOURS: Record<number, string> = {
  [SpanState.Running]: '#2e9e44',
  [SpanState.Runnable]: '#e8c547',
  [SpanState.Waiting]: '#c4c9d4',
  [SpanState.Syscall]: '#8e6cc9',
  [SpanState.SyscallBlocked]: '#5b3f99',
  [SpanState.Executing]: '#4e79a7',
  [SpanState.ExecutingSyscall]: '#8e6cc9',
  [SpanState.GCMark]: '#a98bd6',
  [SpanState.STW]: '#d9412b',
  [SpanState.Sweep]: '#f0a35e',
  [SpanState.MarkAssist]: '#d77fb3',
};

export const UNKNOWN_COLOUR = '#9aa0a6';

/** Wait-reason families and their colours (goroutine lanes colour waits by reason). */
export const REASON_FAMILIES: { name: string; colour: string; test: RegExp }[] = [
  { name: 'network', colour: '#2ba6a0', test: /network|netpoll|\bio\b|i\/o/i },
  { name: 'channel', colour: '#f28e2b', test: /chan/i },
  { name: 'select', colour: '#f7b267', test: /select/i },
  { name: 'sync', colour: '#d64550', test: /sync|mutex|semacquire|cond|waitgroup|rwmutex/i },
  { name: 'sleep', colour: '#7fa8d1', test: /sleep|timer/i },
  { name: 'GC', colour: '#a98bd6', test: /\bgc\b|garbage|sweep|mark|finaliz/i },
  { name: 'syscall', colour: '#8e6cc9', test: /syscall/i },
  { name: 'idle', colour: '#dfe2e8', test: /forever|system goroutine|preempt|trace|idle|^$/i },
];

/** The colour of a wait with this reason text. */
export function reasonColour(reason: string): string {
  for (const f of REASON_FAMILIES) if (f.test.test(reason)) return f.colour;
  return STATE_COLOURS[SpanState.Waiting];
}

/** Per reason index (summary.reasons) → colour, computed once per trace. */
export function reasonColours(reasons: readonly string[]): string[] {
  return reasons.map(reasonColour);
}

const groupCache: string[] = [];

/**
 * The colour of goroutine group `index` (its index in summary.groups, sorted
 * by execution time, so the busiest groups get the ten most distinct colours).
 * Further groups get golden-angle hues. Negative indices are "no group".
 */
export function groupColour(index: number): string {
  if (index < 0) return UNKNOWN_COLOUR;
  if (groupCache[index]) return groupCache[index];
  let c: string;
  if (index < schemeTableau10.length) c = schemeTableau10[index];
  else {
    const hue = (index * 137.508) % 360;
    c = hcl(hue, 40 + (index % 3) * 8, 58 + (index % 4) * 6).formatHex();
  }
  groupCache[index] = c;
  return c;
}

/** Span colour for a spans lane row. */
export function spanColour(state: number, reasonColourOrNull: string | null, group: number): string {
  // Task lanes carry the task type in the group column: one colour per type.
  if (state === SpanState.Executing || state === SpanState.Task) return groupColour(group);
  if (state === SpanState.Waiting && reasonColourOrNull) return reasonColourOrNull;
  return STATE_COLOURS[state] ?? UNKNOWN_COLOUR;
}

export const SERIES_COLOURS: Record<string, string> = {
  running: '#2e9e44',
  runnable: '#e8c547',
  waiting: '#b7bfcc',
  gcwaiting: '#a98bd6',
  allocated: '#f28e2b',
  nextGC: '#b9dfb0',
  insyscall: '#8e6cc9',
};

export function seriesColour(name: string, index: number): string {
  return SERIES_COLOURS[name] ?? groupColour(index);
}

/** A lighter version of a colour (for the min–max range of counter buckets). */
export function lighter(colour: string, amount = 0.45): string {
  const c = hcl(colour);
  c.l = c.l + (100 - c.l) * amount;
  c.c = c.c * (1 - amount * 0.6);
  return c.formatHex();
}

export const MARKER_COLOURS: Record<string, string> = {
  net: '#2ba6a0',
  syscalls: '#8e6cc9',
};

/** Black or white, whichever reads better on `background`. */
export function textColourOn(background: string): string {
  return hcl(background).l > 62 ? '#1b1f24' : '#ffffff';
}

/**
 * User regions: a colour per region name, hashed (FNV-1a) so a name keeps its
 * colour across chunks, zoom levels and reloads. Eight mid-tone hues, apart from
 * the state colours so a region bar never reads as a goroutine state.
 */
export const REGION_COLOURS = ['#5778a4', '#e49444', '#85b6b2', '#6a9f58', '#e7ca60', '#a87c9f', '#f1a2a9', '#967662'];

const regionCache = new Map<string, string>();

export function regionColour(name: string): string {
  let c = regionCache.get(name);
  if (c) return c;
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  c = REGION_COLOURS[(h >>> 0) % REGION_COLOURS.length];
  // Region names are few (they are code, not data); the bound only guards against a pathological trace.
  if (regionCache.size < 4096) regionCache.set(name, c);
  return c;
}

/** Instants over spans: CPU profile samples (dark ticks) and user log messages (blue diamonds). */
export const SAMPLE_COLOUR = '#202124';
export const LOG_COLOUR = '#1a56db';
