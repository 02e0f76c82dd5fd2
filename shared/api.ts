/**
 * The HTTP API between the gotrace-view server and the web app: route paths
 * and JSON shapes. Times are ns since the trace's first event.
 */
import type { LaneDescriptor } from './lanes.ts';

export type { FlowArrow, FlowKind, FlowsResponse, TaskDetail, TaskLog } from './flow-api.ts';
export type { RelatedGoroutine, RelatedGoroutines, RelatedList } from './related-api.ts';
export type { SearchHit, SearchKind, SearchResponse } from './search-api.ts';

export const API = {
  summary: '/api/summary',
  /** ?lanes=a,b,c&start=NS&end=NS&nsPerPx=N → binary chunk (chunk-codec.ts). */
  chunk: '/api/chunk',
  /** ?group=NAME&offset=N&limit=N → GoroutineListResponse */
  goroutineList: '/api/goroutines',
  /** ?lane=ID&t=NS → SpanDetail */
  span: '/api/span',
  /** ?start&end → SelectionSummary */
  selection: '/api/selection',
  /**
   * ?start&end&group&offset&limit&sort&order&groupsOnly=1 → GoroutineAnalysisResponse.
   * sort: total (default) | exec | execShare | schedWait | syscall | unknown | id | block:<reason> | range:<name>;
   * order: desc (default) | asc; no limit: every row.
   */
  goroutineAnalysis: '/api/analysis/goroutines',
  /** ?kind=net|sync|syscall|sched&start&end → ProfileResponse; &format=pprof → gzipped pprof download */
  profile: '/api/analysis/profile',
  /** ?flags=stw,background,assist,sweep,perproc&percentiles=1[&start&end] → MmuResponse */
  mmu: '/api/analysis/mmu',
  /** ?flags&windowNs[&start&end] → MmuWindow[], worst first */
  mmuDetails: '/api/analysis/mmu/details',
  /** ?start&end → TasksResponse */
  tasks: '/api/analysis/tasks',
  /** ?start&end → RegionsResponse */
  regions: '/api/analysis/regions',
  /** ?id=N (goroutine id) → GoroutineLocation */
  goroutine: '/api/goroutine',
  /** /api/stack/:id → StackResponse */
  stack: '/api/stack',
  /** ?kind=region|sample|log&row=N (the `row` of a lane track, shared/lane-tracks.ts) → AnnotationDetail */
  annotation: '/api/annotation',
  /** ?lanes=a,b&start&end&kinds=create,unblock,syscall,task&limit=N → FlowsResponse (flow-api.ts) */
  flows: '/api/flows',
  /** ?id=N (task id) → TaskDetail (flow-api.ts) */
  task: '/api/task',
  /** ?q=TEXT&limit=N → SearchResponse (search-api.ts) */
  search: '/api/search',
  /** ?id=N (goroutine id)&limit=N → RelatedGoroutines (related-api.ts) */
  goroutineRelated: '/api/goroutine/related',
} as const;

export interface GoroutineGroupInfo {
  name: string;
  count: number;
  execNs: number;
  /** Nesting levels of user regions in the group's deepest goroutine (absent: no regions); their lanes draw a bar per level. */
  regionLevels?: number;
}

export interface TraceSummary {
  file: string;
  /** "go 1.23" */
  version: string;
  fileBytes: number;
  durationNs: number;
  eventCount: number;
  generations: number;
  goroutineCount: number;
  procCount: number;
  threadCount: number;
  /** STATS, PROCS, THREADS and TASKS lanes (goroutine lanes are listed per group via goroutineList). */
  lanes: LaneDescriptor[];
  /** User tasks in the trace; the TASKS lanes list only the first 1000 by begin time. */
  taskCount?: number;
  /** Goroutine groups by start function, sorted by execution time (index = group id in chunks). */
  groups: GoroutineGroupInfo[];
  /** Block/stop reasons by index (the `reason` column of goroutine lane chunks). */
  reasons: string[];
  /** Damage report when the trace was truncated or corrupt. */
  warnings: string[];
}

export interface GoroutineListItem {
  id: number;
  /** Group index in TraceSummary.groups. */
  group: number;
  label: string;
  createdNs: number;
  /** -1 if alive at the end. */
  endNs: number;
  execNs: number;
}

export interface GoroutineListResponse {
  group: string;
  total: number;
  offset: number;
  items: GoroutineListItem[];
}

export interface Frame {
  func: string;
  file: string;
  line: number;
  pc: string;
}

export interface SpanDetail {
  lane: string;
  /** Goroutine shown by the span (for proc/thread/goroutine lanes). */
  goroutine: number | null;
  goroutineName: string;
  state: string;
  reason: string;
  startNs: number;
  endNs: number;
  startStack: Frame[];
  endStack: Frame[];
  /** The goroutine that created it, and when. */
  creator: { goroutine: number; timeNs: number } | null;
  /** The goroutine that made it runnable (for a runnable span after a wait), and when. */
  unblockedBy: { goroutine: number; timeNs: number } | null;
  proc: number | null;
}

export interface SelectionSummary {
  startNs: number;
  endNs: number;
  /** Goroutine time by state over the selection, ns. */
  stateNs: Record<string, number>;
  gcNs: number;
  stwNs: number;
  topBlocking: { reason: string; ns: number }[];
}

export interface GoroutineRow {
  id: number;
  /** Start function ("" when no stack was ever seen). */
  group: string;
  createdNs: number;
  /** -1 if alive at the end. */
  endNs: number;
  totalNs: number;
  execNs: number;
  schedWaitNs: number;
  syscallNs: number;
  /** Block time by go tool trace's "Block time (<reason>)" names; "syscall" is the time after a syscall lost its proc. */
  blockNs: Record<string, number>;
  unknownNs: number;
  /** Time inside special ranges (GC mark assist, sweep …) by range name. */
  rangeNs: Record<string, number>;
}

export interface GoroutineAnalysisResponse {
  startNs: number;
  endNs: number;
  groups: { name: string; count: number; execNs: number; execShare: number }[];
  /** Goroutines listed before paging (in the group, or all; 0 with groupsOnly). */
  total: number;
  offset: number;
  goroutines: GoroutineRow[];
  /** Block reasons and special ranges with time in any listed goroutine, largest total first. */
  blockReasons: string[];
  rangeNames: string[];
}

/** Where a goroutine is on the timeline: its group (index in TraceSummary.groups), its position in the group's lane list, its lifetime. */
export interface GoroutineLocation {
  id: number;
  group: number;
  groupName: string;
  /** Index among the group's goroutines (GoroutineListResponse order: by id). */
  member: number;
  label: string;
  createdNs: number;
  /** -1 if alive at the end. */
  endNs: number;
}

export interface ProfileNode {
  func: string;
  file: string;
  line: number;
  /** Delay in this frame's subtree, ns; count of waits. */
  totalNs: number;
  count: number;
  children: ProfileNode[];
}

export interface ProfileResponse {
  kind: string;
  totalNs: number;
  count: number;
  /** Top table: per leaf function, self delay. */
  top: { func: string; file: string; selfNs: number; count: number }[];
  /** Flame graph root (func "root"), children from the outermost frame down. */
  root: ProfileNode;
}

export interface MmuResponse {
  flags: string[];
  /** [windowNs, mmu, ...quantiles] per point: 100 log-spaced windows from xMinNs to xMaxNs, as go tool trace plots them. */
  curve: number[][];
  /** With percentiles=1: [0, 0.001, 0.01, 0.05] (MMU, then the 99.9th, 99th, 95th percentile MU); else []. */
  quantiles: number[];
  xMinNs: number;
  xMaxNs: number;
  /** Why the curve is empty, when it is. */
  message?: string;
}

export interface MmuWindow {
  startNs: number;
  durationNs: number;
  util: number;
}

export interface TaskTypeSummary {
  type: string;
  count: number;
  complete: number;
  /** Duration histogram of complete tasks: log buckets (5 per decade), [lowNs, count]. */
  histogram: [number, number][];
  tasks: { id: number; parent: number; startNs: number; endNs: number; durationNs: number; goroutines: number[]; logs: { timeNs: number; goroutine: number; category: string; message: string }[] }[];
}

export interface RegionTypeSummary {
  type: string;
  count: number;
  histogram: [number, number][];
  regions: { goroutine: number; task: number; startNs: number; endNs: number; durationNs: number; execNs: number; blockNs: number; schedWaitNs: number }[];
}

export interface TasksResponse {
  types: TaskTypeSummary[];
}

export interface RegionsResponse {
  types: RegionTypeSummary[];
}

export interface StackResponse {
  id: number;
  frames: Frame[];
}

/** A user region of a goroutine lane (regions track). Times as drawn: 0 / the trace end when it began before / ended after the trace. */
export interface RegionDetail {
  kind: 'region';
  row: number;
  name: string;
  /** Task id (0: the background task) and its type ("" when none or not in the trace). */
  task: number;
  taskName: string;
  goroutine: number;
  goroutineName: string;
  startNs: number;
  endNs: number;
  beganBeforeTrace: boolean;
  endedAfterTrace: boolean;
  startStack: Frame[];
  endStack: Frame[];
}

/** A CPU profile sample ("CPU profile sample" in go tool trace). */
export interface SampleDetail {
  kind: 'sample';
  row: number;
  timeNs: number;
  goroutine: number | null;
  goroutineName: string;
  proc: number | null;
  thread: number | null;
  stack: Frame[];
}

/** A user log message (runtime/trace.Log), titled "[category] message" as go tool trace does. */
export interface LogDetail {
  kind: 'log';
  row: number;
  timeNs: number;
  title: string;
  category: string;
  message: string;
  task: number;
  taskName: string;
  goroutine: number | null;
  goroutineName: string;
  stack: Frame[];
}

export type AnnotationDetail = RegionDetail | SampleDetail | LogDetail;

/** Error body of every 4xx/5xx. */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
}
